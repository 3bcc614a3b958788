package io.dwprom.cli;

import io.dwprom.scrape.source.ScrapeReader;
import io.dwprom.server.ServerSeries;
import io.dwprom.usage.InputProblem;
import io.dwprom.usage.QuerySet;
import io.dwprom.usage.RelabelAdvice;
import io.dwprom.usage.SeriesInventory;
import io.dwprom.usage.UsageAnalyzer;
import io.dwprom.usage.UsageJsonReport;
import io.dwprom.usage.UsageReport;
import io.dwprom.usage.UsageTextReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code usage SOURCE} or {@code usage --server URL}: which families and labels of a scrape, or of a server's series
 * (every instance of a job with {@code --job}), no dashboard, rule or query uses.
 */
@Command(name = "usage", mixinStandardHelpOptions = true,
        description = {"Judge a scrape's families and labels against the PromQL of rule files, Grafana dashboards and"
                + " query files: families no query uses (by series), labels no query keeps (with the series left if"
                + " aggregated away), series in use and unused.",
                "Exit codes: 0 done, 1 --max-unused-share exceeded or (--fail-on-missing) a queried name missing,"
                + " 2 nothing could be analysed (no readable query,"
                + " or an unreadable SOURCE)."})
final class UsageCommand implements Callable<Integer> {
    /** Output formats of {@code usage}. */

    @ParentCommand
    private MetricsLintCommand parent;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "SOURCE", description = "The scrape: http(s):// URL, file path, or - for stdin.")
    private String source;

    @Option(names = "--server", paramLabel = "URL",
            description = "Judge the series of a Prometheus-compatible server instead of a scrape (see --job, --match).")
    private String server;

    @Mixin
    private SelectorOptions selectorOptions;

    @Option(names = "--window", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
            description = "With --server: the series with a sample in the last DURATION (default: ${DEFAULT-VALUE}).")
    private Duration window;

    @Mixin
    private SourceOptions sourceOptions;

    @Option(names = "--rules", paramLabel = "FILE", description = "A Prometheus rule file (repeatable).")
    private List<Path> ruleFiles = new ArrayList<>();

    @Option(names = "--dashboard", paramLabel = "FILE", description = "A Grafana dashboard JSON export (repeatable).")
    private List<Path> dashboards = new ArrayList<>();

    @Option(names = "--queries", paramLabel = "FILE",
            description = "A file of PromQL queries, one per line; blank and #-lines skipped (repeatable).")
    private List<Path> queryFiles = new ArrayList<>();

    @Option(names = {"-f", "--format"}, defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private ReportFormat format;

    @Option(names = "--top", paramLabel = "N", defaultValue = "25",
            description = "Rows per text table, 0 for all (default: ${DEFAULT-VALUE}).")
    private int top;

    @Option(names = "--max-unused-share", paramLabel = "PCT",
            description = "Exit 1 when more than PCT percent of the series belong to families no query uses.")
    private Double maxUnusedShare;

    @Option(names = "--fail-on-missing",
            description = "Exit 1 when a query selects a family, or names a label in a matcher, that the series do not have.")
    private boolean failOnMissing;

    @Option(names = "--emit-relabel", paramLabel = "FILE",
            description = "Write metric_relabel_configs dropping the families no query uses.")
    private Path emitRelabel;

    @Option(names = "--relabel-labels",
            description = "With --emit-relabel: also remove labels no query keeps, where no series would merge.")
    private boolean relabelLabels;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (ruleFiles.isEmpty() && dashboards.isEmpty() && queryFiles.isEmpty()) {
            err.println("metrics-lint: usage needs at least one --rules, --dashboard or --queries file");
            return ExitCodes.INPUT_ERROR;
        }
        if (relabelLabels && emitRelabel == null) {
            err.println("metrics-lint: --relabel-labels needs --emit-relabel FILE");
            return ExitCodes.INPUT_ERROR;
        }
        if ((source == null) == (server == null)) {
            err.println("metrics-lint: usage needs a SOURCE scrape or --server URL (one of them)");
            return ExitCodes.INPUT_ERROR;
        }
        if (server == null && selectorOptions.given()) {
            err.println("metrics-lint: --job and --match need --server");
            return ExitCodes.INPUT_ERROR;
        }
        // No lambda (its body is a synthetic method) and no usage type in a method signature: picocli reflects on
        // this class's methods when it is built (for --help, with every subcommand), which must not load the analysis
        // (or ANTLR, Jackson).
        QuerySet queries = QuerySet.read(ruleFiles, dashboards, queryFiles);
        for (InputProblem p : queries.problems()) {
            err.println("metrics-lint: " + p);
        }
        if (queries.queries().isEmpty()) {
            err.println("metrics-lint: no query could be analysed");
            return ExitCodes.INPUT_ERROR;
        }
        Map<String, String> notes = new LinkedHashMap<>();
        SeriesInventory inventory;
        String sourceName;
        if (server != null) {
            ServerSeries series = ServerSeries.ask(server, sourceOptions.toFetchOptions(), selectorOptions.selector(),
                    window);
            inventory = series.inventory(Instant.now());
            notes.putAll(series.notes());
            sourceName = series.source();
        } else {
            inventory = new ScrapeReader(sourceOptions.toFetchOptions(), parent.stdin()).read(source, SeriesInventory::fromExposition);
            sourceName = source.equals("-") ? "stdin" : source;
        }
        UsageReport report = UsageAnalyzer.analyze(inventory, queries);
        PrintWriter out = spec.commandLine().getOut();
        if (format == ReportFormat.json) {
            UsageJsonReport.write(report, sourceName, notes, out);
        } else {
            new UsageTextReport(top).write(report, sourceName, notes, out);
        }
        out.flush();
        if (emitRelabel != null) {
            RelabelAdvice advice = relabelLabels ? RelabelAdvice.dropFamiliesAndLabels(report, inventory)
                    : RelabelAdvice.dropFamilies(report);
            writeRelabel(advice.yaml());
        }
        err.flush();
        int exit = ExitCodes.OK;
        if (maxUnusedShare != null && report.unusedShare() > maxUnusedShare) {
            err.printf(Locale.ROOT, "metrics-lint: %.1f%% of the series are unused, over --max-unused-share %s%n",
                    report.unusedShare(), maxUnusedShare);
            exit = ExitCodes.FINDINGS;
        }
        if (failOnMissing && !report.missing().isEmpty()) {
            err.printf(Locale.ROOT, "metrics-lint: %d queried name(s) missing from the series (--fail-on-missing)%n",
                    report.missing().size());
            exit = ExitCodes.FINDINGS;
        }
        err.flush();
        return exit;
    }

    private void writeRelabel(String yaml) throws IOException {
        try {
            Files.writeString(emitRelabel, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException(emitRelabel + ": cannot write: " + e.getMessage(), e);
        }
    }
}
