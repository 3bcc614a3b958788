package io.dwprom.cli;

import io.dwprom.cardinality.PromtoolExtendedReport;
import io.dwprom.scrape.parse.Dialect;
import io.dwprom.lint.Scrape;
import io.dwprom.lint.ScrapeAnalyzer;
import io.dwprom.lint.report.PromtoolReport;
import io.dwprom.lint.rules.LintResult;
import io.dwprom.lint.rules.Linter;
import io.dwprom.lint.rules.PromtoolVersion;
import io.dwprom.lint.rules.Rules;
import io.dwprom.scrape.source.FetchOptions;
import io.dwprom.scrape.source.ScrapeFormat;
import io.dwprom.scrape.source.ScrapeReader;
import io.dwprom.scrape.source.SourceException;


import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * Drop-in for {@code promtool check metrics}: stdin in, promtool's lines on stderr, its exit codes; promtool 3.x's by
 * default, 2.42's with {@code --promtool-version 2.42}; with {@code --extended} and {@code --lint} as promtool 3.9 and
 * later have them.
 */
@Command(name = CheckMetricsCommand.NAME, mixinStandardHelpOptions = true,
        description = {"Drop-in replacement for 'promtool check metrics': reads stdin, prints problems to stderr",
                "exactly as promtool does, exits 0 (clean), 3 (problems) or 1 (unparsable input)."})
final class CheckMetricsCommand implements Callable<Integer> {
    /** promtool reads stdin as text only: no protobuf detection. */
    private static final FetchOptions PROMTOOL_INPUT = FetchOptions.DEFAULT.withInputFormat(ScrapeFormat.TEXT);

    static final String NAME = "check-metrics";

    @ParentCommand
    private MetricsLintCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--extended",
            description = "Print each family's cardinality, its share of the total and the total to stdout, as promtool does.")
    private boolean extended;

    @Option(names = "--lint", paramLabel = "all|none", defaultValue = "all",
            description = "Linting checks to apply: all, none (as promtool, any value but none lints; default: ${DEFAULT-VALUE}).")
    private String lint;

    @Option(names = "--promtool-version", paramLabel = "3|2.42", defaultValue = "3", converter = PromtoolVersionConverter.class,
            description = "The promtool whose parser and rules to follow: 3 (3.x, the default) or 2.42.")
    private PromtoolVersion version;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        boolean linting = !lint.equals("none");
        if (!extended && !linting) {
            err.println("error: at least one of --extended or linting must be enabled");
            err.println("Use --extended for cardinality analysis, or remove --lint=none to enable linting");
            return ExitCodes.PROMTOOL_PARSE_ERROR;
        }
        Scrape scrape;
        try {
            scrape = new ScrapeReader(PROMTOOL_INPUT, parent.stdin())
                    .read("-", ScrapeAnalyzer.analysis(dialect(version, linting)));
        } catch (SourceException e) {
            err.println((linting ? "error while linting: " : "error while parsing text to metric families: ")
                    + e.getMessage());
            return ExitCodes.PROMTOOL_PARSE_ERROR;
        }
        int exit = ExitCodes.OK;
        if (linting) {
            exit = report(scrape, err, version);
        }
        err.flush();
        if (extended) {
            PrintWriter out = spec.commandLine().getOut();
            PromtoolExtendedReport.write(scrape, out);
            out.flush();
        }
        return exit;
    }

    /**
     * Lints {@code stdin} as the default promtool does and writes its lines to {@code err}; returns promtool's exit
     * code.
     */
    static int check(InputStream stdin, PrintWriter err) {
        PromtoolVersion version = PromtoolVersion.DEFAULT;
        Scrape scrape;
        try {
            scrape = new ScrapeReader(PROMTOOL_INPUT, stdin).read("-", ScrapeAnalyzer.analysis(version.dialect()));
        } catch (SourceException e) {
            err.println("error while linting: " + e.getMessage());
            return ExitCodes.PROMTOOL_PARSE_ERROR;
        }
        return report(scrape, err, version);
    }

    /**
     * How promtool reads the input: as promlint does when it lints; promtool 3.x reads UTF-8 names when it only counts
     * ({@code --extended --lint=none}), and refuses them when it lints.
     */
    private static Dialect dialect(PromtoolVersion version, boolean linting) {
        return !linting && version == PromtoolVersion.V3 ? Dialect.PROMTOOL_3_UTF8 : version.dialect();
    }

    private static int report(Scrape scrape, PrintWriter err, PromtoolVersion version) {
        LintResult result = new Linter(Rules.promtool(version)).lint(scrape);
        new PromtoolReport().write(result, "stdin", err);
        return result.problems().isEmpty() ? ExitCodes.OK : ExitCodes.PROMTOOL_PROBLEMS;
    }
}
