package io.dwprom.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the real {@code promtool check metrics} (Prometheus 2.42, the one Debian ships) and this CLI
 * ({@code check-metrics} and {@code lint --format promtool}, both with {@code --promtool-version 2.42}) on the same inputs: identical stderr and exit code wherever promtool reads the input, exit 1 with an
 * {@code error while linting:} line wherever it refuses it. The corpus follows expfmt's text parser (0.0.4) and
 * promlint: every type name promtool accepts or refuses, OpenMetrics-only syntax, content after {@code # EOF}, the
 * places where its grammar differs from OpenMetrics, and real scrapes. Skipped when /usr/bin/promtool is absent
 * (CI installs it).
 */
class PromtoolParityTest {
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    @BeforeAll
    static void requirePromtool() {
        Assumptions.assumeTrue(Files.isExecutable(PROMTOOL),
                "/usr/bin/promtool is not installed (apt-get install prometheus); parity with promtool cannot be checked");
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(PromtoolParityTest.class.getResource("/fixtures/" + name)).toURI());
    }

    private static CliRun promtool(Path input) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics")
                .redirectInput(input.toFile()).redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/null"))).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new CliRun(p.waitFor(), "", err);
    }

    /** The real scrapes: promtool finds problems in each, so the lines themselves are compared. */
    @ParameterizedTest
    @ValueSource(strings = {"promlint-cases.prom", "node-exporter.prom", "node-exporter.om.txt", "demo-service.prom",
            "demo-service.om.txt"})
    void realScrapesGiveThePromtoolLinesAndExitCode(String name) throws Exception {
        Path input = fixture(name);
        CliRun expected = promtool(input);
        assertThat(expected.err()).isNotEmpty();
        assertSameAsPromtool(input, expected);
    }

    /** Each case: a name, and the exact bytes of the input (Java escapes; "\r" and "\t" included). */
    static Stream<Arguments> corpus() {
        List<Arguments> cases = new ArrayList<>();
        String[] accepted = {"counter", "COUNTER", "Counter", "gauge", "GAUGE", "Gauge", "summary", "SUMMARY",
                "untyped", "UNTYPED", "Untyped", "histogram", "HISTOGRAM", "Histogram", "gauge_histogram",
                "GAUGE_HISTOGRAM", "Gauge_Histogram", "\u017Fummary", "gauge_h\u0131stogram"};
        for (String type : accepted) {
            cases.add(of("TYPE " + type, "# HELP a_metric Help.\n# TYPE a_metric " + type + "\na_metric 1\n"
                    + "a_metric_total 2\na_metric_count 3\na_metric_sum 4\na_metric_bucket{le=\"1\"} 1\n"
                    + "a_metric{quantile=\"0.5\"} 5\na_metric{le=\"+Inf\",code=\"200\"} 6\n"));
            cases.add(of("TYPE " + type + " on a name with a type word",
                    "# TYPE x_" + type + "_seconds " + type + "\nx_" + type + "_seconds{fooBar=\"1\"} 1\n"));
            cases.add(of("TYPE " + type + " without samples", "# TYPE lonely " + type + "\n"));
        }
        for (String type : new String[] {"gaugehistogram", "stateset", "info", "unknown", "gauge ", "counter\t",
                " ", "gauge\r", "histo gram", "c\u00F6unter"}) {
            cases.add(of("TYPE \"" + type + "\"", "# TYPE a " + type + "\na 1\n"));
        }
        // Families, suffixes and metadata, as expfmt groups them.
        cases.add(of("histogram", "# HELP h_seconds H.\n# TYPE h_seconds histogram\n"
                + "h_seconds_bucket{le=\"0.1\",path=\"/a\"} 1\nh_seconds_bucket{le=\"+Inf\",path=\"/a\"} 2\n"
                + "h_seconds_sum{path=\"/a\"} 0.5\nh_seconds_count{path=\"/a\"} 2\nh_seconds_bucket{le=\"1\",path=\"/b\"} 1\n"));
        cases.add(of("summary", "# TYPE s_ms summary\ns_ms{quantile=\"0.5\",pathName=\"/\"} 1\ns_ms_sum 1\ns_ms_count 1\n"
                + "s_ms{quantile=\"0.9\",pathName=\"/\"} 2\ns_ms_created 5\n"));
        cases.add(of("summary with a repeated quantile", "# TYPE s summary\ns{quantile=\"0.5\",quantile=\"0.9\"} 1\n"));
        cases.add(of("histogram with a repeated le", "# TYPE h histogram\nh_bucket{le=\"1\",le=\"2\"} 1\n"));
        cases.add(of("repeated label", "x{a=\"1\",a=\"2\"} 1\n"));
        cases.add(of("repeated le outside a histogram", "x{le=\"1\",le=\"2\"} 1\n"));
        cases.add(of("le not a float", "# TYPE h histogram\nh_bucket{le=\"a\"} 1\n"));
        cases.add(of("le out of range", "# TYPE h histogram\nh_bucket{le=\"1e400\"} 1\n"));
        cases.add(of("quantile not a float", "# TYPE s summary\ns{quantile=\"x\"} 1\n"));
        cases.add(of("quantile of an escaped newline", "# TYPE s summary\ns{quantile=\"\\n\"} 1\n"));
        cases.add(of("quantile not a float outside a summary", "x{quantile=\"x\"} 1\n"));
        cases.add(of("HELP of a summary's _count", "# TYPE s summary\n# HELP s_count C.\n# HELP s S.\ns_count 1\n"));
        cases.add(of("TYPE of a summary's _count", "# TYPE s summary\n# TYPE s_count counter\ns_count 1\n"));
        cases.add(of("HELP of a gauge's _bucket", "# TYPE g gauge\n# HELP g G.\ng 1\n# HELP g_bucket B.\n"));
        cases.add(of("second HELP", "# HELP x a\n# HELP x b\nx 1\n"));
        cases.add(of("empty HELP then HELP", "# HELP x\n# HELP x \n# HELP x a\nx 1\n"));
        cases.add(of("TYPE after samples", "x 1\n# TYPE x gauge\n"));
        cases.add(of("second TYPE", "# TYPE x gauge\n# TYPE x gauge\nx 1\n"));
        cases.add(of("TYPE and HELP without name or text", "# TYPE\n# TYPE \n# TYPE x\n# TYPE x \n# HELP\n# HELP y\nx 1\n"));
        cases.add(of("metric name in comment not followed by a blank", "# HELP x-y z\n"));
        cases.add(of("no blank after #", "#HELP x y\n#TYPE x counter\nx 1\n"));
        cases.add(of("HELP escapes", "# HELP x a\\\\b\\nc\nx 1\n"));
        cases.add(of("HELP with an escaped quote", "# HELP x a \\\" b\nx 1\n"));
        cases.add(of("HELP ending in a backslash", "# HELP x a\\\nx 1\n"));
        cases.add(of("TYPE with backslashes", "# TYPE a gau\\ge\\\na 1\n# TYPE b_total counter\\\\\nb_total 1\n"));
        cases.add(of("TYPE of a backslash", "# TYPE a \\\na 1\n"));
        // OpenMetrics-only syntax: comments to expfmt, or refused.
        cases.add(of("# EOF then more families", "# TYPE a gauge\na 1\n# EOF\n# TYPE b_total counter\nb_total 1\nc{d=\"e\"} 1\n"));
        cases.add(of("# EOF at the end", "# HELP a A.\n# TYPE a gauge\na 1\n# EOF\n"));
        cases.add(of("# EOF twice", "a 1\n# EOF\n# EOF\nb 2\n"));
        cases.add(of("# UNIT", "# TYPE a_seconds gauge\n# UNIT a_seconds seconds\na_seconds 1\n"));
        cases.add(of("OpenMetrics counter", "# TYPE c counter\n# HELP c C.\nc_total 1\nc_created 1.6e9\n"));
        cases.add(of("OpenMetrics info", "# TYPE build info\nbuild_info{version=\"1\"} 1\n"));
        cases.add(of("exemplar", "# TYPE c_total counter\nc_total 1 # {trace_id=\"a\"} 1\n"));
        cases.add(of("float timestamp", "a 1 1.5\n"));
        cases.add(of("CRLF lines", "# TYPE a gauge\r\na 1\r\n"));
        cases.add(of("CR in a comment", "# just a comment\r\na 1\n"));
        // Sample-line grammar.
        cases.add(of("value right after the name", "x-1 2\n"));
        cases.add(of("value right after the label set", "x{a=\"b\"}1\n"));
        cases.add(of("blanks everywhere they are allowed", "  x \t{ a = \"b\" , c=\"d\" , } \t 1 \t 1700000000000\n"));
        cases.add(of("empty label set and trailing comma", "x{} 1\ny{a=\"b\",} 2\n"));
        cases.add(of("blank after the value", "x 1 \n"));
        cases.add(of("blank after the timestamp", "x 1 1700000000000 \n"));
        cases.add(of("signed and zero-padded timestamps", "x 1 -5\ny 1 +5\nz 1 00000000000000000000001\n"));
        cases.add(of("timestamp out of range", "x 1 9223372036854775808\n"));
        cases.add(of("timestamp at the limit", "x 1 9223372036854775807\ny 1 -9223372036854775808\n"));
        cases.add(of("three tokens", "x 1 2 3\n"));
        cases.add(of("no value", "x\n"));
        cases.add(of("no value after labels", "x{a=\"b\"} \n"));
        cases.add(of("special floats", "a +Inf\nb -inf\nc NaN\nd nan\ne Infinity\nf -Infinity\ng .5\nh 5.\ni 1e-400\n"));
        cases.add(of("float out of range", "x 1e400\n"));
        cases.add(of("signed NaN", "x +nan\n"));
        cases.add(of("hex and underscores", "x 0x10\ny 1_0\n"));
        cases.add(of("__name__ label", "x{__name__=\"y\"} 1\n"));
        cases.add(of("invalid label escape", "x{a=\"b\\q\"} 1\n"));
        cases.add(of("label escapes", "x{a=\"\\\"\\\\\\n\"} 1\n"));
        cases.add(of("label name starting with a digit", "x{1a=\"b\"} 1\n"));
        cases.add(of("unterminated label value", "x{a=\"b} 1\n"));
        cases.add(of("label without a value", "x{a} 1\n"));
        cases.add(of("unterminated label set", "x{ 1\n"));
        cases.add(of("duplicate series", "x{a=\"b\"} 1\nx{a=\"b\"} 2\n"));
        cases.add(of("no newline at the end", "x 1"));
        cases.add(of("comment without a newline", "x 1\n# c"));
        cases.add(of("empty input", ""));
        cases.add(of("blank lines only", "\n \n\t\n"));
        cases.add(of("line of a carriage return", "\r\nx 1\n"));
        // Blanks after the last newline end the input; a partial line does not.
        cases.add(of("a blank alone", " "));
        cases.add(of("blanks and tabs alone", " \t \t"));
        cases.add(of("a blank after the last newline", "a 1\n "));
        cases.add(of("a tab after the last newline", "a 1\n\t"));
        cases.add(of("blanks and tabs after a blank line", "a 1\n \t\n\t \t "));
        cases.add(of("a carriage return after the last newline", "a 1\n\r"));
        cases.add(of("a blank and a name after the last newline", "a 1\n x"));
        // HELP or TYPE with a name, blanks and nothing else: a family of that name.
        cases.add(of("HELP x_sum without text, then summary x",
                "# HELP x_sum \n# HELP x h\n# TYPE x summary\nx_sum 1\n"));
        cases.add(of("HELP x_sum with a tab and no text, then summary x",
                "# HELP x_sum \t\n# HELP x h\n# TYPE x summary\nx_sum 1\nx_count 1\n"));
        cases.add(of("TYPE x_count without type, then histogram x",
                "# TYPE x_count  \n# TYPE x histogram\nx_count 1\nx_bucket{le=\"+Inf\"} 1\n"));
        cases.add(of("HELP x_bucket without text, then histogram x",
                "# HELP x_bucket \n# HELP x h\n# TYPE x histogram\nx_bucket{le=\"1\"} 1\nx_sum 1\n"));
        cases.add(of("HELP x_sum without text after summary x",
                "# TYPE x summary\n# HELP x_sum \n# HELP x h\nx_sum 1\n"));
        cases.add(of("HELP without text of a name without samples", "# HELP y \n# TYPE y \na 1\n"));
        // Literals Go's ParseFloat reads: at most 800 significant digits, exponents read up to 10,000.
        String digits900 = "1" + "0".repeat(899);
        String zeros100k = "0." + "0".repeat(100_000) + "1";
        for (String literal : new String[] {digits900 + "e-500", digits900 + "e-892", "1" + "0".repeat(799) + "e-400",
                zeros100k + "e100400", zeros100k + "e10308", "0." + "0".repeat(10_000) + "1e10309",
                "1e" + "0".repeat(30) + "308", "1e" + "0".repeat(30) + "309", "1e99999", "1e-100000",
                "17976931348623157" + "9".repeat(900) + "e292", "17976931348623158" + "0".repeat(900) + "e-608",
                "9".repeat(1200) + ".5e-900"}) {
            String name = literal.length() > 40 ? literal.substring(0, 12) + "...(" + literal.length() + " characters)"
                    + literal.substring(literal.length() - 12) : literal;
            cases.add(of("value " + name, "a " + literal + "\n"));
            cases.add(of("le " + name, "# TYPE h histogram\nh_bucket{le=\"" + literal + "\"} 1\n"));
            cases.add(of("quantile " + name, "# TYPE s summary\ns{quantile=\"" + literal + "\"} 1\n"));
        }
        // Unit words: prefixed forms of a unit before the bare one, prefixes in promlint's order.
        cases.add(of("seconds and milliseconds", "x_seconds_milliseconds 1\n"));
        cases.add(of("megabytes and kilobytes", "megabytes_kilobytes 1\n"));
        cases.add(of("seconds, milliseconds and microseconds", "seconds_milliseconds_microseconds 1\n"));
        cases.add(of("mibibytes and kibibytes", "x_mibibytes_kibibytes 1\n"));
        cases.add(of("meters and kilometers", "x_meters_kilometers 1\n"));
        cases.add(bytes("invalid UTF-8 in a label value", "x{a=\"\u00ff\"} 1\n".getBytes(StandardCharsets.ISO_8859_1)));
        cases.add(bytes("UTF-8 in a label value and HELP", "# HELP x \u00e9t\u00e9\nx{a=\"\u00e9\"} 1\n"
                .getBytes(StandardCharsets.UTF_8)));
        return cases.stream();
    }

    private static Arguments of(String name, String text) {
        return Arguments.of(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Arguments bytes(String name, byte[] input) {
        return Arguments.of(name, input);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void corpusGivesThePromtoolLinesAndExitCode(String name, byte[] input) throws Exception {
        Path file = Files.createTempFile("parity", ".prom");
        try {
            Files.write(file, input);
            assertSameAsPromtool(file, promtool(file));
        } finally {
            Files.delete(file);
        }
    }

    /**
     * Names with words of two different units: promlint walks a Go map of units, so promtool reports one or the other
     * from run to run. The CLI must give one of the outputs promtool gives.
     */
    @ParameterizedTest
    @ValueSource(strings = {"x_minutes_hours 1\n", "dist_kilometers_microseconds 1\n", "x_seconds_bytes_megabytes 1\n"})
    void namesWithTwoUnitsGiveOneOfPromtoolsOutputs(String text) throws Exception {
        Path file = Files.createTempFile("parity", ".prom");
        try {
            Files.writeString(file, text);
            java.util.Set<String> outputs = new java.util.HashSet<>();
            int exitCode = -1;
            for (int run = 0; run < 30; run++) {
                CliRun expected = promtool(file);
                outputs.add(expected.err());
                exitCode = expected.exitCode();
            }
            CliRun check = CliRun.withStdin(Files.readAllBytes(file), "check-metrics", "--promtool-version", "2.42");
            CliRun lint = CliRun.run("lint", "--format", "promtool", "--promtool-version", "2.42", file.toString());
            assertThat(check.exitCode()).isEqualTo(exitCode);
            assertThat(lint.exitCode()).isEqualTo(exitCode);
            assertThat(outputs).contains(check.err(), lint.out());
        } finally {
            Files.delete(file);
        }
    }

    /** Inputs promtool 2.42 finds clean, so that it prints the {@code --extended} table (it prints none otherwise). */
    static Stream<Arguments> extendedCorpus() {
        String h = "# HELP h H.\n# TYPE h histogram\n";
        String s = "# HELP s S.\n# TYPE s summary\n";
        String g = "# HELP a A.\n# TYPE a gauge\n";
        return Stream.of(
                of("empty input", ""),
                of("one gauge", g + "a 1\n"),
                of("repeated gauge lines and label sets", g + "a 1\na 1\na{b=\"c\"} 2\n# HELP b B.\n# TYPE b gauge\nb 1\n"),
                of("histogram with label sets", h + "h_bucket{a=\"x\",le=\"1\"} 1\nh_bucket{a=\"x\",le=\"2\"} 1\n"
                        + "h_bucket{a=\"x\",le=\"+Inf\"} 1\nh_bucket{a=\"y\",le=\"+Inf\"} 1\nh_count{a=\"z\"} 1\n"),
                of("histogram whose first metric starts with _sum, NaN and bare le",
                        h + "h_sum{a=\"z\"} 1\nh_bucket{a=\"x\",le=\"1\"} 1\nh_bucket{a=\"z\",le=\"2\"} 1\n"
                        + "h_bucket{a=\"z\",le=\"NaN\"} 1\nh{a=\"z\",le=\"3\"} 1\nh_bucket{a=\"z\",le=\"3\"} 1\n"),
                of("summary with a repeated quantile and label sets", s + "s{quantile=\"0.5\"} 1\ns{quantile=\"0.9\"} 1\n"
                        + "s{quantile=\"0.9\"} 1\ns_sum 1\ns_count 1\ns{quantile=\"0.5\",b=\"c\"} 1\n"),
                of("summary and histogram of _count and _sum only", s + "s_count 3\ns_sum 1\n" + h + "h_count 1\n"),
                of("shares rounded", g + "a 1\n# HELP b B.\n# TYPE b gauge\nb 1\nb{x=\"1\"} 1\nb{x=\"2\"} 1\nb{x=\"3\"} 1\n"
                        + "b{x=\"4\"} 1\nb{x=\"5\"} 1\n# HELP c C.\n# TYPE c gauge\nc 1\nc 2\nc 3\n"),
                of("a long family name", "# HELP a_very_long_family_name_for_the_first_column A.\n"
                        + "# TYPE a_very_long_family_name_for_the_first_column gauge\n"
                        + "a_very_long_family_name_for_the_first_column 1\n" + g + "a 1\na 2\n"));
    }

    /**
     * {@code check-metrics --extended} gives promtool's table on stdout. Families with as many series are compared as a
     * set: promtool orders them as it walks a Go map; the CLI orders them by name.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("extendedCorpus")
    void extendedGivesPromtoolsTable(String name, byte[] input) throws Exception {
        Path file = Files.createTempFile("parity", ".prom");
        try {
            Files.write(file, input);
            Process p = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics", "--extended")
                    .redirectInput(file.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String expected = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).isZero();
            CliRun r = CliRun.withStdin(input, "check-metrics", "--promtool-version", "2.42", "--extended");
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.err()).isEmpty();
            List<String> want = List.of(expected.split("\n", -1));
            List<String> got = List.of(r.out().split("\n", -1));
            assertThat(got.get(0)).isEqualTo(want.get(0));
            assertThat(got.get(got.size() - 2)).isEqualTo(want.get(want.size() - 2));
            assertThat(got).containsExactlyInAnyOrderElementsOf(want);
            for (int i = 2; i < got.size() - 2; i++) {
                long before = Long.parseLong(got.get(i - 1).split(" +")[1]);
                long here = Long.parseLong(got.get(i).split(" +")[1]);
                assertThat(before).isGreaterThanOrEqualTo(here);
            }
        } finally {
            Files.delete(file);
        }
    }

    private static void assertSameAsPromtool(Path input, CliRun expected) throws IOException {
        CliRun check = CliRun.withStdin(Files.readAllBytes(input), "check-metrics", "--promtool-version", "2.42");
        CliRun lint = CliRun.run("lint", "--format", "promtool", "--promtool-version", "2.42", input.toString());
        assertThat(check.exitCode()).as("check-metrics exit code (stderr %s)", check.err()).isEqualTo(expected.exitCode());
        assertThat(lint.exitCode()).as("lint --format promtool exit code").isEqualTo(expected.exitCode());
        if (expected.exitCode() == ExitCodes.PROMTOOL_PARSE_ERROR) {
            assertThat(expected.err()).startsWith("error while linting: ");
            assertThat(check.err()).startsWith("error while linting: ").hasLineCount(1);
            assertThat(lint.err()).startsWith("error while linting: ");
        } else {
            assertThat(check.err()).isEqualTo(expected.err());
            assertThat(lint.out()).isEqualTo(expected.err());
        }
    }
}
