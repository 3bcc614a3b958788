package io.dwprom.cli;

import io.dwprom.lint.Family;
import io.dwprom.lint.ScrapeAnalyzer;
import io.dwprom.scrape.parse.Dialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check-metrics} in its default, promtool 3.x, mode against promtool 3.x's own test tables (client_golang's
 * promlint tests, prometheus/common's text-parser tests, carried over as data with their source named in each file)
 * and against cases read from the 3.x source for each way it differs from 2.42.
 */
class Promtool3TablesTest {
    private static final Pattern LINE = Pattern.compile("line (\\d+)");

    static Stream<PromtoolCases.Case> cases() {
        List<PromtoolCases.Case> all = new ArrayList<>();
        for (String file : new String[] {"client_golang-v1.24.1-promlint.cases", "common-v0.70.1-text-parse.cases",
                "common-v0.70.1-text-parse-errors.cases", "promtool3-from-source.cases"}) {
            all.addAll(PromtoolCases.read("/promtool3/" + file));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void checkMetricsGivesWhatPromtool3Gives(PromtoolCases.Case c) throws Exception {
        CliRun lint = CliRun.withStdin(c.input(), "check-metrics");
        if (c.error() != null) {
            assertThat(lint.exitCode()).as("exit code (stderr %s)", lint.err()).isEqualTo(ExitCodes.PROMTOOL_PARSE_ERROR);
            assertError(lint.err(), "error while linting: ", c.error());
        } else if (c.lintParses()) {
            assertThat(lint.exitCode()).as("exit code (stderr %s)", lint.err()).isNotEqualTo(ExitCodes.PROMTOOL_PARSE_ERROR);
        } else {
            String expected = c.out().isEmpty() ? "" : String.join("\n", c.out()) + "\n";
            assertThat(lint.err()).isEqualTo(expected);
            assertThat(lint.exitCode()).isEqualTo(c.out().isEmpty() ? ExitCodes.OK : ExitCodes.PROMTOOL_PROBLEMS);
        }
        if (c.extendedError() == null && !c.extendedOk() && c.families().isEmpty()) {
            return;
        }
        CliRun extended = CliRun.withStdin(c.input(), "check-metrics", "--extended", "--lint=none");
        if (c.extendedError() != null) {
            assertThat(extended.exitCode()).as("--extended exit code (out %s)", extended.out())
                    .isEqualTo(ExitCodes.PROMTOOL_PARSE_ERROR);
            assertError(extended.err(), "error while parsing text to metric families: ", c.extendedError());
            return;
        }
        assertThat(extended.exitCode()).as("--extended exit code (stderr %s)", extended.err()).isZero();
        if (!c.families().isEmpty()) {
            assertThat(familiesRead(c.input())).isEqualTo(c.families().stream().sorted().toList());
        }
    }

    /** One error line with our prefix, naming the line the upstream message names. */
    private static void assertError(String err, String prefix, String upstream) {
        assertThat(err).startsWith(prefix).endsWith("\n").hasLineCount(1);
        Matcher line = LINE.matcher(upstream);
        if (line.find()) {
            assertThat(err).as("the line named (upstream: %s)", upstream).contains("stdin:" + line.group(1) + ":");
        }
    }

    /** "NAME TYPE help|no-help CARDINALITY" of each family, as promtool 3.x's --extended --lint=none reads them. */
    private static List<String> familiesRead(byte[] input) throws Exception {
        List<String> families = new ArrayList<>();
        for (Family f : ScrapeAnalyzer.analyze(new ByteArrayInputStream(input), Dialect.PROMTOOL_3_UTF8).families()) {
            String name = PromtoolCases.escape(f.name());
            families.add(name + " " + f.type() + " " + (f.hasHelp() ? "help" : "no-help") + " " + f.promtoolCardinality());
        }
        return families.stream().sorted().toList();
    }
}
