package io.dwprom.cli;

import io.dwprom.lint.Family;
import io.dwprom.scrape.parse.Dialect;
import io.dwprom.lint.LabelStats;
import io.dwprom.lint.Scrape;
import io.dwprom.lint.ScrapeAnalyzer;
import io.dwprom.report.Table;
import io.dwprom.scrape.source.ScrapeReader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code cardinality SOURCE}: top families by series and top labels by distinct values. */
@Command(name = "cardinality", mixinStandardHelpOptions = true,
        description = "Show the families with the most series and the labels with the most distinct values.")
final class CardinalityCommand implements Callable<Integer> {
    @ParentCommand
    private MetricsLintCommand parent;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "SOURCE", description = "http(s):// URL, file path, or - for stdin.")
    private String source;

    @Mixin
    private SourceOptions sourceOptions;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "Rows per table (default: ${DEFAULT-VALUE}).")
    private int top;

    @Override
    public Integer call() throws Exception {
        Scrape scrape = new ScrapeReader(sourceOptions.toFetchOptions(), parent.stdin()).read(source, ScrapeAnalyzer.analysis(Dialect.OPENMETRICS));
        PrintWriter out = spec.commandLine().getOut();
        long total = scrape.totalSeries();
        out.printf("%s: %d series in %d families%n%n", source, total, scrape.families().size());
        List<Family> families = new ArrayList<>(scrape.families());
        families.sort(Comparator.comparingInt(Family::seriesCount).reversed().thenComparing(Family::name));
        Table familyTable = new Table("FAMILY", "TYPE", "SERIES", "SHARE");
        families.stream().limit(top).forEach(f -> familyTable.row(f.name(), f.type().token(),
                Long.toString(f.seriesCount()), Table.percent(f.seriesCount(), total)));
        familyTable.print(out);
        out.println();
        List<LabelRow> labels = new ArrayList<>();
        for (Family f : scrape.families()) {
            for (LabelStats l : f.labels()) {
                labels.add(new LabelRow(f.name(), l.name(), l.distinctValues()));
            }
        }
        labels.sort(Comparator.comparingInt(LabelRow::distinct).reversed()
                .thenComparing(LabelRow::family).thenComparing(LabelRow::label));
        Table labelTable = new Table("FAMILY", "LABEL", "DISTINCT VALUES", "SHARE OF ALL SERIES");
        labels.stream().limit(top).forEach(r -> labelTable.row(r.family(), r.label(), Integer.toString(r.distinct()),
                Table.percent(r.distinct(), total)));
        labelTable.print(out);
        out.flush();
        return ExitCodes.OK;
    }

    /** One (family, label) pair and its number of distinct values. */
    private record LabelRow(String family, String label, int distinct) {
    }
}
