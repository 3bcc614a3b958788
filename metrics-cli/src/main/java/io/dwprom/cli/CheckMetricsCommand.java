package io.dwprom.cli;

import io.dwprom.lint.parse.Dialect;
import io.dwprom.lint.Scrape;
import io.dwprom.lint.report.PromtoolReport;
import io.dwprom.lint.rules.LintResult;
import io.dwprom.lint.rules.Linter;
import io.dwprom.lint.rules.Rules;
import io.dwprom.lint.source.FetchOptions;
import io.dwprom.lint.source.ScrapeReader;
import io.dwprom.lint.source.SourceException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** Drop-in for {@code promtool check metrics}: stdin in, promtool's lines on stderr, its exit codes. */
@Command(name = CheckMetricsCommand.NAME, mixinStandardHelpOptions = true,
        description = {"Drop-in replacement for 'promtool check metrics': reads stdin, prints problems to stderr",
                "exactly as promtool does, exits 0 (clean), 3 (problems) or 1 (unparsable input)."})
final class CheckMetricsCommand implements Callable<Integer> {
    static final String NAME = "check-metrics";

    @ParentCommand
    private MetricsLintCommand parent;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        return check(parent.stdin(), spec.commandLine().getErr());
    }

    /** Lints {@code stdin} as promtool does and writes its lines to {@code err}; returns promtool's exit code. */
    static int check(InputStream stdin, PrintWriter err) {
        Scrape scrape;
        try {
            scrape = new ScrapeReader(FetchOptions.DEFAULT, stdin).read("-", Dialect.PROMTOOL);
        } catch (SourceException e) {
            err.println("error while linting: " + e.getMessage());
            return ExitCodes.PROMTOOL_PARSE_ERROR;
        }
        LintResult result = new Linter(Rules.promtool()).lint(scrape);
        new PromtoolReport().write(result, "stdin", err);
        return result.problems().isEmpty() ? ExitCodes.OK : ExitCodes.PROMTOOL_PROBLEMS;
    }
}
