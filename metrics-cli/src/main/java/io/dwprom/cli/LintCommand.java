package io.dwprom.cli;

import io.dwprom.scrape.parse.Dialect;
import io.dwprom.lint.Scrape;
import io.dwprom.lint.ScrapeAnalyzer;
import io.dwprom.lint.config.ConfigException;
import io.dwprom.lint.config.ConfigLoader;
import io.dwprom.lint.config.LintConfig;
import io.dwprom.lint.report.JsonReport;
import io.dwprom.lint.report.LintReport;
import io.dwprom.lint.report.PromtoolReport;
import io.dwprom.lint.report.SarifReport;
import io.dwprom.lint.report.TextReport;
import io.dwprom.lint.rules.Limits;
import io.dwprom.lint.rules.LintResult;
import io.dwprom.lint.rules.Linter;
import io.dwprom.lint.rules.PromtoolVersion;
import io.dwprom.lint.rules.Rules;
import io.dwprom.lint.rules.Severity;
import io.dwprom.scrape.source.ScrapeReader;
import io.dwprom.scrape.source.SourceException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code lint SOURCE}: promtool's rules plus cardinality budgets, label, histogram and metadata checks. */
@Command(name = LintCommand.NAME, mixinStandardHelpOptions = true,
        description = "Lint a scrape: promtool's rules plus series budgets, unbounded labels, histogram/summary sanity,"
                + " duplicate series, reserved labels and unit suffixes.")
final class LintCommand implements Callable<Integer> {
    static final String NAME = "lint";

    /** Output formats of {@code lint}. */
    enum Format { text, json, sarif, promtool }

    @ParentCommand
    private MetricsLintCommand parent;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "SOURCE", description = "http(s):// URL, file path, or - for stdin.")
    private String source;

    @Mixin
    private SourceOptions sourceOptions = new SourceOptions();

    @Option(names = {"-f", "--format"}, description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Format format = Format.text;

    @Option(names = "--promtool-version", paramLabel = "3|2.42", converter = PromtoolVersionConverter.class,
            description = "With --format promtool: the promtool whose parser and rules to follow, 3 (3.x, the default)"
                    + " or 2.42.")
    private PromtoolVersion promtoolVersion;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", converter = SeverityConverter.class,
            description = "Exit 1 when a finding has this severity or higher: info, warning, error (default: error, or the config's failOn).")
    private Severity failOn;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "YAML config with limits, severities and suppressions.")
    private Path config;

    @Option(names = "--family-series-limit", paramLabel = "N",
            description = "Report families with N or more series (default: 1000, or the config's limits.familySeries).")
    private Long familySeriesLimit;

    @Option(names = "--total-series-limit", paramLabel = "N",
            description = "Report scrapes with N or more series in all (default: 10000, or the config's limits.totalSeries).")
    private Long totalSeriesLimit;

    /** For picocli, which sets the fields from the command line. */
    LintCommand() {
    }

    /** {@code lint SOURCE} with every option at its default. */
    LintCommand(String source) {
        this.source = source;
    }

    @Override
    public Integer call() throws Exception {
        return run(parent.stdin(), spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    int run(InputStream stdin, PrintWriter out, PrintWriter err) throws Exception {
        LintConfig cfg = config == null ? LintConfig.DEFAULT : ConfigLoader.load(config);
        Severity threshold = failOn == null ? cfg.failOn() : failOn;
        Limits limits = limits(cfg.limits());
        ScrapeReader reader = new ScrapeReader(sourceOptions.toFetchOptions(), stdin);
        boolean promtool = format == Format.promtool;
        if (promtoolVersion != null && !promtool) {
            throw new ConfigException("--promtool-version applies only with --format promtool");
        }
        PromtoolVersion version = promtoolVersion == null ? PromtoolVersion.DEFAULT : promtoolVersion;
        Scrape scrape;
        try {
            scrape = reader.read(source, ScrapeAnalyzer.analysis(promtool ? version.dialect() : Dialect.OPENMETRICS));
        } catch (SourceException e) {
            if (promtool && e.malformed()) {
                err.println("error while linting: " + e.getMessage());
                return ExitCodes.PROMTOOL_PARSE_ERROR;
            }
            throw e;
        }
        Linter linter = promtool ? new Linter(Rules.promtool(version), cfg.suppressions(), cfg.severities())
                : new Linter(Rules.defaults(limits), cfg.suppressions(), cfg.severities());
        LintResult result = linter.lint(scrape);
        report().write(result, source.equals("-") ? "stdin" : source, out);
        if (promtool) {
            return result.problems().isEmpty() ? ExitCodes.OK : ExitCodes.PROMTOOL_PROBLEMS;
        }
        return result.hasProblemsAtLeast(threshold) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private Limits limits(Limits configured) throws ConfigException {
        try {
            return new Limits(familySeriesLimit != null ? familySeriesLimit : configured.familySeries(),
                    totalSeriesLimit != null ? totalSeriesLimit : configured.totalSeries());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private LintReport report() {
        switch (format) {
            case json: return new JsonReport();
            case sarif: return new SarifReport();
            case promtool: return new PromtoolReport();
            default: return new TextReport();
        }
    }

}
