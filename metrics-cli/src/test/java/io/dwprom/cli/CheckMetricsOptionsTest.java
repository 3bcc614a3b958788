package io.dwprom.cli;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code check-metrics --extended}, {@code --lint} as promtool 3.9 and later have them, and {@code --promtool-version}. */
class CheckMetricsOptionsTest {
    private static final String WITH_PROBLEMS = "# HELP h H.\n# TYPE h histogram\nh_bucket{le=\"1\"} 1\n"
            + "h_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 1\na_ms 1\na_ms 2\n";
    /** What promtool 3.x prints for {@link #WITH_PROBLEMS}. */
    private static final String PROBLEMS = "a_ms metric names should not contain abbreviated units\n"
            + "a_ms metric not unique\na_ms no help text\n";
    /** What promtool 2.42 prints for {@link #WITH_PROBLEMS}: no {@code metric not unique} rule. */
    private static final String PROBLEMS_2_42 = "a_ms metric names should not contain abbreviated units\na_ms no help text\n";
    private static final String TABLE = "Metric    Cardinality    Percentage    \n"
            + "h         4              66.67%        \n"
            + "a_ms      2              33.33%        \n"
            + "Total     6              100%          \n";

    private static CliRun check(String input, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "check-metrics";
        System.arraycopy(args, 0, command, 1, args.length);
        return CliRun.withStdin(input.getBytes(StandardCharsets.UTF_8), command);
    }

    @Test
    void extendedPrintsTheTableAfterTheProblemsAndExitsThree() {
        CliRun r = check(WITH_PROBLEMS, "--extended");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).isEqualTo(PROBLEMS);
        assertThat(r.out()).isEqualTo(TABLE);
    }

    @Test
    void lintAllIsTheDefaultAndAnyValueButNoneLints() {
        for (String[] args : new String[][] {{"--lint=all"}, {"--lint", "all"}, {"--lint=duplicate-rules"}}) {
            CliRun r = check(WITH_PROBLEMS, args);
            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.err()).isEqualTo(PROBLEMS);
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void promtoolVersion242GivesItsLinesAndTable() {
        CliRun r = check(WITH_PROBLEMS, "--promtool-version", "2.42", "--extended");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).isEqualTo(PROBLEMS_2_42);
        assertThat(r.out()).isEqualTo(TABLE);
        assertThat(check(WITH_PROBLEMS, "--promtool-version=3").err()).isEqualTo(PROBLEMS);
    }

    @Test
    void anUnknownPromtoolVersionIsAUsageError() {
        CliRun r = check(WITH_PROBLEMS, "--promtool-version", "2.53");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(r.err()).contains("unknown promtool version \"2.53\" (known: 2.42, 3)");
        CliRun lint = CliRun.run("lint", "--promtool-version", "2.42", "-");
        assertThat(lint.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(lint.err()).contains("--promtool-version applies only with --format promtool");
    }

    @Test
    void lintNoneWithExtendedPrintsOnlyTheTable() {
        CliRun r = check(WITH_PROBLEMS, "--extended", "--lint=none");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo(TABLE);
    }

    @Test
    void lintNoneWithoutExtendedIsAnError() {
        CliRun r = check(WITH_PROBLEMS, "--lint=none");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: at least one of --extended or linting must be enabled\n"
                + "Use --extended for cardinality analysis, or remove --lint=none to enable linting\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unparsableInputNamesWhatFailed() {
        CliRun lint = check("x{ 1\n", "--extended");
        assertThat(lint.exitCode()).isEqualTo(1);
        assertThat(lint.err()).startsWith("error while linting: ");
        assertThat(lint.out()).isEmpty();
        CliRun parse = check("x{ 1\n", "--extended", "--lint=none");
        assertThat(parse.exitCode()).isEqualTo(1);
        assertThat(parse.err()).startsWith("error while parsing text to metric families: ");
        assertThat(parse.out()).isEmpty();
    }
}
