package io.dwprom.cli;

import io.dwprom.cardinality.CardinalityRanking;
import io.dwprom.cardinality.CardinalityTextReport;
import io.dwprom.lint.Scrape;
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
        Scrape scrape = new ScrapeReader(sourceOptions.toFetchOptions(), parent.stdin())
                .read(source, ScrapeAnalyzer.analysis(Dialect.OPENMETRICS));
        new CardinalityTextReport(top).write(source, CardinalityRanking.of(scrape), spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
