package io.dwprom.lint.rules;

import io.dwprom.scrape.parse.Dialect;
import io.dwprom.lint.Scrape;
import io.dwprom.lint.ScrapeAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class LinterTest {

    static Scrape scrape(String text, Dialect dialect) throws IOException {
        return ScrapeAnalyzer.analyze(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), dialect);
    }

    /** "family rule: message" for every problem of the default rules. */
    static List<String> problems(String text, Limits limits) throws IOException {
        return new Linter(Rules.defaults(limits)).lint(scrape(text, Dialect.OPENMETRICS)).problems().stream()
                .map(p -> p.family() + " " + p.rule() + ": " + p.message()).toList();
    }

    private static final String OK = "# HELP ok_total Fine.\n# TYPE ok_total counter\nok_total 1\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("counter without _total", "# HELP http_requests x\n# TYPE http_requests counter\nhttp_requests 1\n",
                        "http_requests counter-total-suffix: counter metrics should have \"_total\" suffix"),
                arguments("gauge with _total", "# HELP db_connections_total x\n# TYPE db_connections_total gauge\ndb_connections_total 3\n",
                        "db_connections_total non-counter-total-suffix: non-counter metrics should not have \"_total\" suffix"),
                arguments("missing help", "# TYPE up gauge\nup 1\n", "up help-missing: no help text"),
                arguments("missing type", "# HELP up x\nup 1\n", "up type-missing: no TYPE line; the family is untyped"),
                arguments("milliseconds", "# HELP rt_milliseconds x\n# TYPE rt_milliseconds gauge\nrt_milliseconds 1\n",
                        "rt_milliseconds non-base-unit: use base unit \"seconds\" instead of \"milliseconds\""),
                arguments("abbreviation", "# HELP rt_ms x\n# TYPE rt_ms gauge\nrt_ms 1\n",
                        "rt_ms unit-abbreviation: metric names should not contain abbreviated units"),
                arguments("type in name", "# HELP jobs_gauge x\n# TYPE jobs_gauge gauge\njobs_gauge 1\n",
                        "jobs_gauge type-in-name: metric name should not include type 'gauge'"),
                arguments("colon", "# HELP job:rate x\n# TYPE job:rate gauge\njob:rate 1\n",
                        "job:rate reserved-chars: metric names should not contain ':'"),
                arguments("camelCase label", "# HELP a x\n# TYPE a gauge\na{userName=\"x\"} 1\n",
                        "a camel-case: label names should be written in 'snake_case' not 'camelCase'"),
                arguments("_count on gauge", "# HELP q_count x\n# TYPE q_count gauge\nq_count 1\n",
                        "q_count reserved-suffix: non-histogram and non-summary metrics should not have \"_count\" suffix"),
                arguments("le on gauge", "# HELP g x\n# TYPE g gauge\ng{le=\"1\"} 1\n",
                        "g reserved-label: non-histogram metrics should not have \"le\" label"),
                arguments("quantile on gauge", "# HELP g x\n# TYPE g gauge\ng{quantile=\"1\"} 1\n",
                        "g reserved-label: non-summary metrics should not have \"quantile\" label"),
                arguments("__ prefix", "# HELP g x\n# TYPE g gauge\ng{__tmp=\"1\"} 1\n",
                        "g reserved-label-prefix: label name \"__tmp\" uses the reserved \"__\" prefix"),
                arguments("duplicate series", "# HELP g x\n# TYPE g gauge\ng{a=\"1\",b=\"2\"} 1\ng{b=\"2\",a=\"1\"} 2\n",
                        "g duplicate-series: 1 duplicate series, first: g{b=\"2\",a=\"1\"} (line 4)"),
                arguments("missing +Inf", "# HELP h_seconds x\n# TYPE h_seconds histogram\nh_seconds_bucket{le=\"1\"} 1\nh_seconds_count 1\nh_seconds_sum 1\n",
                        "h_seconds histogram-sanity: histogram series starting at line 3 has no le=\"+Inf\" bucket"),
                arguments("le not increasing", "# HELP h_seconds x\n# TYPE h_seconds histogram\nh_seconds_bucket{le=\"2\"} 1\nh_seconds_bucket{le=\"1\"} 1\nh_seconds_bucket{le=\"+Inf\"} 1\nh_seconds_count 1\n",
                        "h_seconds histogram-sanity: bucket le=\"1\" does not increase after le=\"2\" in h_seconds_bucket{le=\"1\"} (line 4)"),
                arguments("bucket counts decrease", "# HELP h_seconds x\n# TYPE h_seconds histogram\nh_seconds_bucket{le=\"1\"} 5\nh_seconds_bucket{le=\"+Inf\"} 4\nh_seconds_count 4\n",
                        "h_seconds histogram-sanity: bucket le=\"+Inf\" count 4 is less than the previous bucket's 5 in h_seconds_bucket{le=\"+Inf\"} (line 4)"),
                arguments("count differs from +Inf", "# HELP h_seconds x\n# TYPE h_seconds histogram\nh_seconds_bucket{le=\"+Inf\"} 4\nh_seconds_count 5\n",
                        "h_seconds histogram-sanity: histogram series starting at line 3 has _count 5 but its le=\"+Inf\" bucket is 4"),
                arguments("quantile out of range", "# HELP s_seconds x\n# TYPE s_seconds summary\ns_seconds{quantile=\"1.5\"} 1\ns_seconds_count 1\ns_seconds_sum 1\n",
                        "s_seconds histogram-sanity: summary sample s_seconds{quantile=\"1.5\"} (line 3) needs a \"quantile\" label between 0 and 1"),
                arguments("unit suffix", "# HELP q x\n# TYPE q gauge\n# UNIT q seconds\nq 1\n",
                        "q unit-suffix: declares # UNIT \"seconds\" but its name does not end in \"_seconds\""),
                arguments("uuid label", "# HELP r x\n# TYPE r gauge\nr{id=\"123e4567-e89b-12d3-a456-426614174000\"} 1\n",
                        "r unbounded-label-values: label \"id\" has values that look unbounded (UUID), e.g. \"123e4567-e89b-12d3-a456-426614174000\"; 1 distinct values"),
                arguments("e-mail label", "# HELP r x\n# TYPE r gauge\nr{user=\"jane@example.com\"} 1\n",
                        "r unbounded-label-values: label \"user\" has values that look unbounded (e-mail address), e.g. \"jane@example.com\"; 1 distinct values"),
                arguments("path with id", "# HELP r x\n# TYPE r gauge\nr{path=\"/users/12345/orders\"} 1\n",
                        "r unbounded-label-values: label \"path\" has values that look unbounded (URL path with an ID), e.g. \"/users/12345/orders\"; 1 distinct values"),
                arguments("hex hash", "# HELP r x\n# TYPE r gauge\nr{sha=\"9f86d081884c7d659a2feaa0c55ad015\"} 1\n",
                        "r unbounded-label-values: label \"sha\" has values that look unbounded (hex hash), e.g. \"9f86d081884c7d659a2feaa0c55ad015\"; 1 distinct values"),
                arguments("timestamp label", "# HELP r x\n# TYPE r gauge\nr{at=\"2024-05-01T10:00:00Z\"} 1\n",
                        "r unbounded-label-values: label \"at\" has values that look unbounded (timestamp), e.g. \"2024-05-01T10:00:00Z\"; 1 distinct values"),
                arguments("long number", "# HELP r x\n# TYPE r gauge\nr{order=\"98765432\"} 1\n",
                        "r unbounded-label-values: label \"order\" has values that look unbounded (long number), e.g. \"98765432\"; 1 distinct values"));
    }

    /** Units of every ending and prefixed units: promtool's table, whatever letter the unit ends with. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"room_fahrenheit,celsius,fahrenheit", "core_kelvins,kelvin,kelvins", "oven_rankine,celsius,rankine",
            "cable_kilometers,meters,kilometers", "up_hours,seconds,hours", "read_mebibytes,,", "disk_kibibytes,bytes,kibibytes",
            "heap_megabits,bytes,megabits", "room_kelvin,,", "tick_nanoseconds_total,seconds,nanoseconds", "fuel_pounds,grams,pounds"})
    void unitsAreNamedByTheirBase(String name, String base, String unit) throws IOException {
        List<String> found = problems("# HELP " + name + " x\n# TYPE " + name + " gauge\n" + name + " 1\n", Limits.DEFAULT)
                .stream().filter(p -> p.contains("non-base-unit")).toList();
        assertThat(found).containsExactlyElementsOf(base == null ? List.of()
                : List.of(name + " non-base-unit: use base unit \"" + base + "\" instead of \"" + unit + "\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachRuleReportsItsProblem(String name, String exposition, String expected) throws IOException {
        assertThat(problems(exposition, Limits.DEFAULT)).containsExactly(expected);
    }

    @Test
    void cleanExpositionHasNoProblems() throws IOException {
        assertThat(problems(OK + "# HELP h_seconds x\n# TYPE h_seconds histogram\n"
                + "h_seconds_bucket{le=\"0.1\"} 1\nh_seconds_bucket{le=\"+Inf\"} 2\nh_seconds_sum 0.3\nh_seconds_count 2\n"
                + "# HELP up x\n# TYPE up gauge\nup{path=\"/api/v1/items\",code=\"200\"} 1\n", Limits.DEFAULT)).isEmpty();
    }

    @Test
    void openMetricsCounterWithTotalSamplesPassesTheSuffixRule() throws IOException {
        assertThat(problems("# HELP jobs Jobs.\n# TYPE jobs counter\njobs_total 3\njobs_created 1.7e9\n# EOF\n", Limits.DEFAULT)).isEmpty();
    }

    @Test
    void familyAndTotalSeriesBudgetsAreEnforced() throws IOException {
        StringBuilder sb = new StringBuilder("# HELP g x\n# TYPE g gauge\n");
        for (int i = 0; i < 5; i++) {
            sb.append("g{shard=\"").append(i).append("\"} 1\n");
        }
        assertThat(problems(sb + OK, new Limits(5, 6))).containsExactly(
                "(scrape) total-cardinality: 6 series in total; the budget is under 6",
                "g family-cardinality: 5 series; the budget per family is under 5");
        assertThat(problems(sb + OK, new Limits(6, 7))).isEmpty();
    }

    @Test
    void suppressionsSilenceOnlyTheirRuleAndFamily() throws IOException {
        Scrape scrape = scrape("# HELP db_connections_total x\n# TYPE db_connections_total gauge\ndb_connections_total 3\n"
                + "# TYPE other_total gauge\nother_total 1\n", Dialect.OPENMETRICS);
        Suppression s = new Suppression("db_*", "non-counter-total-suffix", "gauge kept for compatibility");
        LintResult result = new Linter(Rules.defaults(Limits.DEFAULT), List.of(s), Map.of()).lint(scrape);
        assertThat(result.suppressed()).extracting(Problem::family).containsExactly("db_connections_total");
        assertThat(result.problems()).extracting(p -> p.family() + " " + p.rule()).containsExactly(
                "other_total help-missing", "other_total non-counter-total-suffix");
    }

    @Test
    void severityOverridesChangeTheFailureDecision() throws IOException {
        Scrape scrape = scrape("# TYPE up gauge\nup 1\n", Dialect.OPENMETRICS);
        LintResult result = new Linter(Rules.defaults(Limits.DEFAULT), List.of(), Map.of("help-missing", Severity.ERROR)).lint(scrape);
        assertThat(result.hasProblemsAtLeast(Severity.ERROR)).isTrue();
        assertThat(new Linter(Rules.defaults(Limits.DEFAULT)).lint(scrape).hasProblemsAtLeast(Severity.ERROR)).isFalse();
    }

    @Test
    void promtoolGroupingCountsCamelCaseLabelsOncePerHistogramLabelSet() throws IOException {
        Scrape scrape = scrape("# HELP h_seconds x\n# TYPE h_seconds histogram\n"
                + "h_seconds_bucket{pathName=\"a\",le=\"1\"} 1\nh_seconds_bucket{pathName=\"a\",le=\"+Inf\"} 1\n"
                + "h_seconds_count{pathName=\"a\"} 1\nh_seconds_sum{pathName=\"a\"} 1\n"
                + "# HELP g x\n# TYPE g gauge\ng{pathName=\"a\"} 1\ng{pathName=\"b\"} 1\n", Dialect.PROMTOOL);
        assertThat(new Linter(Rules.promtool(PromtoolVersion.V2_42)).lint(scrape).problems())
                .extracting(p -> p.family() + " x" + p.occurrences())
                .containsExactly("g x2", "h_seconds x1");
    }

    @Test
    void quotedNamesAreReadAndThoseNeedingUtf8NamesReported() throws IOException {
        List<String> problems = problems("# HELP \"my.metric\" x\n# TYPE \"my.metric\" gauge\n"
                + "{\"my.metric\",\"label.name\"=\"v\",ok=\"w\"} 1\n"
                + "# HELP \"plain_name\" x\n# TYPE \"plain_name\" gauge\n\"plain_name\"{\"a\"=\"b\"} 1\n", Limits.DEFAULT);
        assertThat(problems).filteredOn(p -> p.contains("utf8-name")).containsExactly(
                "my.metric utf8-name: label name \"label.name\" is valid only with UTF-8 names: Prometheus 2.x and"
                        + " promtool check metrics refuse it (legacy names: letters, digits, '_')",
                "my.metric utf8-name: metric name \"my.metric\" is valid only with UTF-8 names: Prometheus 2.x and"
                        + " promtool check metrics refuse it (legacy names: letters, digits, '_', ':')");
        assertThat(problems).noneMatch(p -> p.startsWith("plain_name"));
    }
}
