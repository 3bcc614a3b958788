package io.dwprom.promql;

import io.dwprom.promql.Expr.Aggregation;
import io.dwprom.promql.Expr.Binary;
import io.dwprom.promql.Expr.Call;
import io.dwprom.promql.Expr.MatrixSelector;
import io.dwprom.promql.Expr.NumberLiteral;
import io.dwprom.promql.Expr.Parens;
import io.dwprom.promql.Expr.StringLiteral;
import io.dwprom.promql.Expr.Subquery;
import io.dwprom.promql.Expr.Unary;
import io.dwprom.promql.Expr.VectorSelector;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromQlTest {

    @Test
    void aQueryNestingBeyondTheCapIsALocatedErrorWhateverNests() {
        int n = 1000;
        String parens = "(".repeat(n) + "up" + ")".repeat(n);
        assertThatThrownBy(() -> PromQl.parse(parens)).isInstanceOf(PromQlSyntaxException.class)
                .hasMessage("1:128: query nests deeper than 128 (parentheses, operators and subqueries)");
        String ors = "up" + " or up".repeat(n);
        assertThatThrownBy(() -> PromQl.parse(ors)).isInstanceOf(PromQlSyntaxException.class)
                .hasMessage("1:766: query nests deeper than 128 (parentheses, operators and subqueries)");
        for (String deep : List.of("abs(".repeat(n) + "up" + ")".repeat(n), "sum(".repeat(n) + "up" + ")".repeat(n),
                "-".repeat(n) + "1", "2" + "^2".repeat(n), "up" + "[5m:]".repeat(n), "up" + " + up".repeat(n),
                "sum by (a) (" + "x + (".repeat(n) + "1" + ")".repeat(n + 1))) {
            assertThatThrownBy(() -> PromQl.parse(deep)).as(deep.substring(0, 20)).isInstanceOf(PromQlSyntaxException.class)
                    .hasMessageContaining("query nests deeper than 128");
        }
    }

    @Test
    void queriesJustWithinTheCapParseAndCompareOnASmallStack() throws Exception {
        int n = PromQl.MAX_DEPTH - 2;
        List<String> shapes = List.of("(".repeat(n) + "up" + ")".repeat(n), "up" + " or up".repeat(n),
                "abs(".repeat(n / 2) + "up" + ")".repeat(n / 2), "sum(".repeat(n / 2) + "up" + ")".repeat(n / 2),
                "-".repeat(n) + "1", "2" + "^2".repeat(n), "up" + "[5m:]".repeat(n - 1), "up" + " / on (a) group_left up".repeat(n));
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                for (String q : shapes) {
                    Expr e = PromQl.parse(q);
                    assertThat(e).isEqualTo(PromQl.parse(q));
                    assertThat(e.hashCode()).isEqualTo(PromQl.parse(q).hashCode());
                    assertThat(e.toString()).isNotEmpty();
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", 512 * 1024);
        t.start();
        t.join();
        assertThat(failure.get()).isNull();
    }

    @Test
    void regularExpressionsHaveRe2SemanticsAnchoredAsPrometheusAnchorsThem() throws Exception {
        assertThatThrownBy(() -> PromQl.parse("{__name__=~\"((a+)+)\\\\2b\"}"))
                .isInstanceOf(PromQlSyntaxException.class)
                .hasMessage("1:12: invalid regular expression \"((a+)+)\\2b\": invalid escape sequence: `\\2`");
        assertThatThrownBy(() -> PromQl.parse("x{a=~\"(?=b)\"}")).isInstanceOf(PromQlSyntaxException.class)
                .hasMessageStartingWith("1:6: invalid regular expression");
        VectorSelector s = (VectorSelector) PromQl.parse("{__name__=~\"(a+)+b|c\", d!~\"x.\"}");
        LabelMatcher name = s.matchers().get(0);
        String hostile = "a".repeat(100_000) + "c";
        long start = System.nanoTime();
        assertThat(name.matches(hostile)).isFalse();
        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds, linear in the length").isLessThan(2_000);
        assertThat(name.matches("aab")).isTrue();
        assertThat(name.matches("c")).isTrue();
        assertThat(name.matches("cc")).as("anchored at both ends").isFalse();
        assertThat(name.matches("xc")).isFalse();
        assertThat(s.matchers().get(1).matches("x\n")).as(". matches a newline").isFalse();
        assertThat(s.matchers().get(1).matches("xy")).isFalse();
        assertThat(s.matchers().get(1).matches("xyz")).isTrue();
    }

    @Test
    void vectorSelectorKeepsNameAndEveryMatcherOperator() throws Exception {
        VectorSelector s = (VectorSelector) PromQl.parse("http_requests_total{a=\"1\", b!=\"2\", c=~\"3.*\", d!~'4',}");
        assertThat(s.metricName()).isEqualTo("http_requests_total");
        assertThat(s.matchers()).extracting(LabelMatcher::toString)
                .containsExactly("a=\"1\"", "b!=\"2\"", "c=~\"3.*\"", "d!~\"4\"");
    }

    @Test
    void regexNameMatcherAndQuotedNameAreSelectorsWithoutBareName() throws Exception {
        VectorSelector regex = (VectorSelector) PromQl.parse("{__name__=~\"http_.*\", job=\"api\"}");
        assertThat(regex.metricName()).isNull();
        assertThat(regex.matchers().get(0).matches("http_requests_total")).isTrue();
        assertThat(regex.matchers().get(0).matches("xhttp_requests_total")).isFalse();
        VectorSelector quoted = (VectorSelector) PromQl.parse("{\"my.metric\", \"some.label\"=\"x\"}");
        assertThat(quoted.metricName()).isEqualTo("my.metric");
        assertThat(quoted.matchers().get(0).name()).isEqualTo("some.label");
    }

    @Test
    void colonsAreAllowedInMetricNames() throws Exception {
        assertThat(((VectorSelector) PromQl.parse("job:http_requests:rate5m")).metricName())
                .isEqualTo("job:http_requests:rate5m");
    }

    @Test
    void matrixSelectorWithOffsetAndAt() throws Exception {
        MatrixSelector m = (MatrixSelector) ((Call) PromQl.parse("rate(x[5m] offset -1h30m @ 1609746000)")).arguments().get(0);
        assertThat(m.range()).isEqualTo("5m");
        assertThat(m.selector().offset()).isEqualTo("-1h30m");
        assertThat(m.selector().at()).isEqualTo("1609746000");
        VectorSelector v = (VectorSelector) PromQl.parse("x @ end() offset 5m");
        assertThat(v.at()).isEqualTo("end()");
        assertThat(v.offset()).isEqualTo("5m");
    }

    @Test
    void subqueriesWithAndWithoutStep() throws Exception {
        Subquery s = (Subquery) PromQl.parse("rate(x[1m])[1h:5m] offset 1d");
        assertThat(s.range()).isEqualTo("1h");
        assertThat(s.step()).isEqualTo("5m");
        Call outer = (Call) PromQl.parse("max_over_time(sum by (job) (rate(x[1m]))[1h:] @ start())");
        Subquery inner = (Subquery) outer.arguments().get(0);
        assertThat(inner.step()).isNull();
        assertThat(inner.at()).isEqualTo("start()");
        assertThat(inner.expr()).isInstanceOf(Aggregation.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sum by (job, le) (x)|sum|false|job,le",
            "sum(x) by (job)|sum|false|job",
            "avg without (instance) (x)|avg|true|instance",
            "max(x) without (instance)|max|true|instance",
            "SUM BY (job) (x)|sum|false|job",
            "count by () (x)|count|false|''",
            "min by (on, group, sum) (x)|min|false|on,group,sum"})
    void aggregationGroupingBeforeOrAfterArguments(String query, String op, boolean without, String labels) throws Exception {
        Aggregation a = (Aggregation) PromQl.parse(query);
        assertThat(a.operator()).isEqualTo(op);
        assertThat(a.dialect().without()).isEqualTo(without);
        assertThat(String.join(",", a.dialect().labels())).isEqualTo(labels);
        assertThat(a.argument()).isInstanceOf(VectorSelector.class);
    }

    @Test
    void parametricAggregationsKeepTheirParameter() throws Exception {
        Aggregation topk = (Aggregation) PromQl.parse("topk(5, x)");
        assertThat(topk.parameter()).isEqualTo(new NumberLiteral(5));
        assertThat(topk.dialect()).isNull();
        Aggregation values = (Aggregation) PromQl.parse("count_values without (instance) (\"version\", build_info)");
        assertThat(values.parameter()).isEqualTo(new StringLiteral("version"));
        Aggregation quantile = (Aggregation) PromQl.parse("quantile by (job) (0.9, x)");
        assertThat(quantile.parameter()).isEqualTo(new NumberLiteral(0.9));
        assertThat(((Aggregation) PromQl.parse("bottomk(3, x) by (a)")).dialect().labels()).containsExactly("a");
        assertThat(((Aggregation) PromQl.parse("limitk(3, x)")).operator()).isEqualTo("limitk");
    }

    @Test
    void binaryOperatorsBindAsInPrometheus() throws Exception {
        Binary or = (Binary) PromQl.parse("a or b and c unless d");
        assertThat(or.operator()).isEqualTo("or");
        assertThat(((Binary) or.rhs()).operator()).isEqualTo("unless");
        Binary plus = (Binary) PromQl.parse("1 + 2 * 3 ^ 2 ^ 2");
        Binary times = (Binary) plus.rhs();
        Binary pow = (Binary) times.rhs();
        assertThat(((Binary) pow.rhs()).operator()).isEqualTo("^");
        Unary minus = (Unary) PromQl.parse("-2 ^ 2");
        assertThat(minus.operand()).isInstanceOf(Binary.class);
        Binary cmp = (Binary) PromQl.parse("a - b > bool 0");
        assertThat(cmp.returnBool()).isTrue();
        assertThat(((Binary) cmp.lhs()).operator()).isEqualTo("-");
        assertThat(((Binary) PromQl.parse("a atan2 b")).operator()).isEqualTo("atan2");
    }

    @Test
    void vectorMatchingOnIgnoringAndGroupModifiers() throws Exception {
        Binary b = (Binary) PromQl.parse("a * on (instance, job) group_left (version, node) b");
        assertThat(b.matching()).isEqualTo(new VectorMatching(VectorMatching.Cardinality.MANY_TO_ONE, true,
                List.of("instance", "job"), List.of("version", "node")));
        Binary r = (Binary) PromQl.parse("a / ignoring (code) group_right b");
        assertThat(r.matching()).isEqualTo(new VectorMatching(VectorMatching.Cardinality.ONE_TO_MANY, false,
                List.of("code"), List.of()));
        Binary c = (Binary) PromQl.parse("a == bool on () b");
        assertThat(c.returnBool()).isTrue();
        assertThat(c.matching().labels()).isEmpty();
        assertThat(((Binary) PromQl.parse("a and ignoring (x) b")).matching().on()).isFalse();
    }

    @Test
    void functionsLiteralsAndComments() throws Exception {
        Call c = (Call) PromQl.parse("label_replace(up, \"host\", \"$1\", \"instance\", \"(.*):.*\") # comment\n");
        assertThat(c.function()).isEqualTo("label_replace");
        assertThat(c.arguments()).hasSize(5);
        assertThat(c.arguments().get(2)).isEqualTo(new StringLiteral("$1"));
        assertThat(PromQl.parse("0x1F")).isEqualTo(new NumberLiteral(31));
        assertThat(PromQl.parse("1.5e3")).isEqualTo(new NumberLiteral(1500));
        assertThat(((NumberLiteral) ((Unary) PromQl.parse("-Inf")).operand()).value()).isInfinite();
        assertThat(((NumberLiteral) PromQl.parse("NaN")).value()).isNaN();
    }

    @Test
    void stringEscapes() throws Exception {
        assertThat(PromQl.parse("\"a\\\"b\\n\\x41\\u00e9\\101\"")).isEqualTo(new StringLiteral("a\"b\nA\u00e9A"));
        assertThat(PromQl.parse("`raw\\n`")).isEqualTo(new StringLiteral("raw\\n"));
        assertThat(PromQl.parse("'single'")).isEqualTo(new StringLiteral("single"));
    }

    @Test
    void parenthesesAndTimeFunctions() throws Exception {
        Binary b = (Binary) PromQl.parse("(time() - process_start_time_seconds) / 3600");
        assertThat(b.lhs()).isInstanceOf(Parens.class);
    }

    static Stream<Arguments> invalidQueries() {
        return Stream.of(
                Arguments.of("sum(x", 1, 6, "mismatched input '<EOF>'"),
                Arguments.of("x{a=\"b\"", 1, 8, "no viable alternative at input"),
                Arguments.of("rate(x[5m]\n  foo)", 2, 3, "extraneous input 'foo'"),
                Arguments.of("nosuch(x)", 1, 1, "unknown function with name \"nosuch\""),
                Arguments.of("{a=\"\"}", 1, 1, "vector selector must contain at least one non-empty matcher"),
                Arguments.of("x{__name__=\"y\"}", 1, 3, "metric name must not be set twice"),
                Arguments.of("topk(x)", 1, 1, "wrong number of arguments for aggregate expression topk"),
                Arguments.of("x{a=~\"(\"}", 1, 6, "invalid regular expression"),
                Arguments.of("x offset 5m offset 1m", 1, 13, "offset may not be set multiple times"),
                Arguments.of("a and on (x) group_left b", 1, 12, "no dialect allowed"),
                Arguments.of("x @ foo()", 1, 5, "@ modifier must be followed by"),
                Arguments.of("\"\\q\"", 1, 1, "unknown escape sequence"),
                Arguments.of("x $ y", 1, 3, "token recognition error"),
                Arguments.of("&{_h_", 1, 1, "token recognition error at: '&'"),
                Arguments.of("1 + 0x10000000000000000", 1, 5, "error parsing number"));
    }

    @ParameterizedTest
    @MethodSource("invalidQueries")
    void syntaxErrorsNameLineAndColumn(String query, int line, int column, String message) {
        assertThatThrownBy(() -> PromQl.parse(query))
                .isInstanceOfSatisfying(PromQlSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.column()).isEqualTo(column);
                    assertThat(e.detail()).contains(message);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "histogram_quantile(0.95, sum by (le, path) (rate(http_request_duration_seconds_bucket{job=~\"$job\"}[5m])))",
            "sum(rate(a[5m])) / sum(rate(b[5m])) * 100 > 5",
            "label_join(up, \"foo\", \",\", \"instance\", \"job\")",
            "absent(up{job=\"x\"} offset 5m)",
            "vector(1) unless on () count(up)",
            "sort_by_label(up, \"instance\")",
            "predict_linear(x[1h], 4 * 3600) < 0",
            "x[5m:]",
            "-x",
            "+x",
            "2 ^ -1",
            "a * -b",
            "a - -b offset 5m",
            "sum by (job) (rate(x[5m])) / ignoring (job) group_left () count(y)"})
    void realWorldQueriesParse(String query) throws Exception {
        assertThat(PromQl.parse(query)).isNotNull();
    }

    @Test
    void extraFunctionsAreAcceptedOnlyWhenAsked() throws Exception {
        assertThatThrownBy(() -> PromQl.parse("label_values(up, job)")).isInstanceOf(PromQlSyntaxException.class);
        Call c = (Call) PromQl.parse("label_values(up, job)", Set.of("label_values"));
        assertThat(((VectorSelector) c.arguments().get(1)).metricName()).isEqualTo("job");
    }
}
