package io.dwprom.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LintCommandTest {
    static final String CLEAN = "# HELP up Whether the target is up.\n# TYPE up gauge\nup 1\n";
    static final String GAUGE_TOTAL = "# HELP db_connections_total Active pool connections.\n"
            + "# TYPE db_connections_total gauge\ndb_connections_total 4\n";

    @TempDir
    Path dir;

    @Test
    void cleanInputExitsZeroWithASummary() {
        CliRun r = CliRun.withStdin(CLEAN, "lint", "-");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("stdin: 0 problems (0 errors, 0 warnings, 0 info), 0 suppressed; 1 families, 1 series");
    }

    @Test
    void errorFindingsExitOneWithAlignedRows() {
        CliRun r = CliRun.withStdin(GAUGE_TOTAL, "lint", "-");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out()).contains("error    non-counter-total-suffix  db_connections_total  non-counter metrics should not have \"_total\" suffix");
    }

    @Test
    void warningsPassUnlessFailOnIsLowered() {
        String noHelp = "# TYPE up gauge\nup 1\n";
        assertThat(CliRun.withStdin(noHelp, "lint", "-").exitCode()).isZero();
        assertThat(CliRun.withStdin(noHelp, "lint", "--fail-on", "warning", "-").exitCode()).isEqualTo(ExitCodes.FINDINGS);
    }

    @Test
    void configSuppressionWithReasonSilencesTheFinding() throws IOException {
        Path config = Files.writeString(dir.resolve("lint.yaml"), "suppressions:\n"
                + "  - family: db_connections_total\n    rule: non-counter-total-suffix\n"
                + "    reason: \"name fixed by the specification; it is a gauge of active pool connections, kept for compatibility\"\n");
        CliRun r = CliRun.withStdin(GAUGE_TOTAL, "lint", "--config", config.toString(), "-");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("0 problems (0 errors, 0 warnings, 0 info), 1 suppressed");
    }

    @Test
    void suppressionWithoutReasonIsAConfigError() throws IOException {
        Path config = Files.writeString(dir.resolve("lint.yaml"),
                "suppressions:\n  - family: db_connections_total\n    rule: non-counter-total-suffix\n");
        CliRun r = CliRun.withStdin(GAUGE_TOTAL, "lint", "--config", config.toString(), "-");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(r.err()).isEqualTo("metrics-lint: " + config + ": suppressions[0]: \"reason\" is required (say why the finding is acceptable)\n");
    }

    @Test
    void promtoolFormatPrintsPromtoolLinesAndExitsThree() {
        CliRun r = CliRun.withStdin(GAUGE_TOTAL, "lint", "--format", "promtool", "-");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.PROMTOOL_PROBLEMS);
        assertThat(r.out()).isEqualTo("db_connections_total non-counter metrics should not have \"_total\" suffix\n");
    }

    @Test
    void checkMetricsWritesToStderrLikePromtool() {
        CliRun r = CliRun.withStdin("# TYPE http_requests counter\nhttp_requests 1\n", "check-metrics");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.PROMTOOL_PROBLEMS);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("http_requests counter metrics should have \"_total\" suffix\nhttp_requests no help text\n");
    }

    @Test
    void checkMetricsExitsOneOnUnparsableInput() {
        CliRun r = CliRun.withStdin("up{ 1\n", "check-metrics");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.PROMTOOL_PARSE_ERROR);
        assertThat(r.err()).startsWith("error while linting: stdin:1:");
    }

    @Test
    void malformedFileIsAnInputErrorNamingFileLineAndColumn() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.prom"), CLEAN + "up{job=\"x\" 1\n");
        CliRun r = CliRun.run("lint", file.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(r.err()).isEqualTo("metrics-lint: " + file + ":4:12: expected ',' or '}' after the value of label \"job\", found '1'\n");
    }

    @Test
    void truncatedInputIsAnInputError() {
        CliRun r = CliRun.withStdin(CLEAN + "up{job=\"x\"} 1", "lint", "-");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(r.err()).contains("stdin:4:").contains("not terminated by a newline");
    }

    @Test
    void missingFileIsAnInputError() {
        CliRun r = CliRun.run("lint", dir.resolve("nope.prom").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(r.err()).isEqualTo("metrics-lint: " + dir.resolve("nope.prom") + ": no such file\n");
    }

    @Test
    void inputLargerThanMaxBytesIsAnInputError() {
        CliRun r = CliRun.withStdin(CLEAN, "lint", "--max-bytes", "10", "-");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(r.err()).contains("stdin: input is larger than the limit of 10 bytes (--max-bytes)");
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun r = CliRun.run("lint", "--bogus", "-");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(r.err()).contains("Unknown option: '--bogus'");
    }

    @Test
    void helpAndVersionExitZero() {
        CliRun help = CliRun.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("lint", "check-metrics", "cardinality");
        CliRun version = CliRun.run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("metrics-lint 0.1.0-SNAPSHOT");
    }

    @Test
    void jsonFormatListsProblemsAndSummary() {
        CliRun r = CliRun.withStdin(GAUGE_TOTAL, "lint", "--format", "json", "-");
        assertThat(r.out()).contains("\"rule\" : \"non-counter-total-suffix\"", "\"error\" : 1", "\"series\" : 1");
    }

    @Test
    void sarifFormatIsSarif210() {
        CliRun r = CliRun.withStdin(GAUGE_TOTAL, "lint", "--format", "sarif", "-");
        assertThat(r.out()).contains("\"version\" : \"2.1.0\"", "\"ruleId\" : \"non-counter-total-suffix\"", "\"level\" : \"error\"");
    }

    @Test
    void familySeriesLimitFlagOverridesTheDefault() {
        String two = "# HELP g x\n# TYPE g gauge\ng{a=\"1\"} 1\ng{a=\"2\"} 1\n";
        assertThat(CliRun.withStdin(two, "lint", "-").exitCode()).isZero();
        CliRun r = CliRun.withStdin(two, "lint", "--family-series-limit", "2", "-");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out()).contains("family-cardinality", "2 series; the budget per family is under 2");
    }

    @Test
    void shippedExampleConfigSuppressesTheDemoGauge() throws Exception {
        Path example = Path.of(java.util.Objects.requireNonNull(
                LintCommandTest.class.getResource("/metrics-lint-example.yaml")).toURI());
        CliRun r = CliRun.withStdin(GAUGE_TOTAL, "lint", "--format", "json", "--config", example.toString(), "-");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("\"suppressed\" : 1", "\"family\" : \"db_connections_total\"");
    }

    /** {@code lint SOURCE} and {@code check-metrics} bypass picocli: the same output as through it. */
    @Test
    void directRunsMatchPicocliRuns() throws IOException {
        Path file = dir.resolve("gauge-total.prom");
        Files.writeString(file, GAUGE_TOTAL + "# TYPE up gauge\nup 1\n");
        CliRun direct = CliRun.run("lint", file.toString());
        CliRun picocli = CliRun.run("lint", "--format", "text", file.toString());
        assertThat(direct).isEqualTo(picocli);
        assertThat(direct.exitCode()).isEqualTo(ExitCodes.FINDINGS);

        CliRun missingDirect = CliRun.run("lint", dir.resolve("missing.prom").toString());
        CliRun missingPicocli = CliRun.run("lint", "--fail-on", "error", dir.resolve("missing.prom").toString());
        assertThat(missingDirect).isEqualTo(missingPicocli);
        assertThat(missingDirect.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(missingDirect.err()).startsWith("metrics-lint: ").contains("missing.prom: no such file");

        assertThat(CliRun.withStdin(GAUGE_TOTAL, "check-metrics").err())
                .isEqualTo(CliRun.withStdin(GAUGE_TOTAL, "lint", "--format", "promtool", "-").out())
                .isEqualTo("db_connections_total non-counter metrics should not have \"_total\" suffix\n");
    }

    /** Options and help still go through picocli; an unknown subcommand is a usage error naming the candidates. */
    @Test
    void everythingElseGoesThroughPicocli() {
        assertThat(CliRun.run("lint", "--help").out()).contains("--family-series-limit");
        assertThat(CliRun.run("--help").out()).contains("lint", "check-metrics", "cardinality", "diff", "server-cardinality");
        CliRun unknown = CliRun.run("lnt", "x");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(unknown.err()).contains("lnt");
    }
}
