package io.dwprom.cli;

import io.dwprom.diff.DiffTextReport;
import io.dwprom.diff.ScrapeDiff;
import io.dwprom.lint.ScrapeAnalyzer;
import io.dwprom.scrape.parse.Dialect;
import io.dwprom.scrape.source.ScrapeReader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code diff BEFORE AFTER}: families and series added/removed, with growth gates for CI. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare two scrapes: families and series added or removed, and total growth.")
final class DiffCommand implements Callable<Integer> {
    @ParentCommand
    private MetricsLintCommand parent;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BEFORE", description = "Baseline scrape: URL, file or -.")
    private String before;

    @Parameters(index = "1", paramLabel = "AFTER", description = "New scrape: URL, file or -.")
    private String after;

    @Mixin
    private SourceOptions sourceOptions;

    @Option(names = "--max-growth", paramLabel = "PERCENT",
            description = "Exit 1 if the total series count grows by more than PERCENT (e.g. 10).")
    private Double maxGrowth;

    @Option(names = "--max-new-series", paramLabel = "N", description = "Exit 1 if more than N series are added.")
    private Long maxNewSeries;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20", description = "Changed families to list (default: ${DEFAULT-VALUE}).")
    private int top;

    @Override
    public Integer call() throws Exception {
        ScrapeReader reader = new ScrapeReader(sourceOptions.toFetchOptions(), parent.stdin());
        ScrapeDiff diff = ScrapeDiff.between(reader.read(before, ScrapeAnalyzer.analysis(Dialect.OPENMETRICS)),
                reader.read(after, ScrapeAnalyzer.analysis(Dialect.OPENMETRICS)));
        new DiffTextReport(top).write(diff, spec.commandLine().getOut());
        int exit = ExitCodes.OK;
        PrintWriter err = spec.commandLine().getErr();
        if (maxGrowth != null && diff.growthPercent() > maxGrowth) {
            err.printf(Locale.ROOT, "metrics-lint: series grew by %s, more than --max-growth %s%%%n",
                    DiffTextReport.growth(diff.growthPercent()), maxGrowth);
            exit = ExitCodes.FINDINGS;
        }
        if (maxNewSeries != null && diff.seriesAdded() > maxNewSeries) {
            err.printf("metrics-lint: %d series added, more than --max-new-series %d%n", diff.seriesAdded(), maxNewSeries);
            exit = ExitCodes.FINDINGS;
        }
        err.flush();
        return exit;
    }
}
