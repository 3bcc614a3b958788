package io.dwprom.cli;

import io.dwprom.churn.Churn;
import io.dwprom.churn.ChurnAnalyzer;
import io.dwprom.churn.ChurnJsonReport;
import io.dwprom.churn.ChurnTextReport;
import io.dwprom.churn.ScrapeSnapshots;
import io.dwprom.churn.SeriesSnapshot;
import io.dwprom.scrape.source.ScrapeReader;
import io.dwprom.scrape.source.Sources;
import io.dwprom.server.ServerSeries;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code churn}: series that appeared and disappeared per family between two scrapes, one URL scraped twice, or a
 * server at two moments; the churn rate and the labels driving it; a {@code --max-churn} gate. Its signatures hold
 * only picocli and JDK types, so that building the command line loads nothing of churn, Jackson or HTTP.
 */
@Command(name = "churn", mixinStandardHelpOptions = true,
        description = {"Series that appeared and disappeared per family, the churn rate "
                + "(appeared + disappeared) / series before, and the labels whose values drive it.",
                "Inputs: BEFORE AFTER (URLs, files or -); one URL with --interval (scraped twice); "
                        + "or --server URL with --range or --start/--end."})
final class ChurnCommand implements Callable<Integer> {
    @ParentCommand
    private MetricsLintCommand parent;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..2", paramLabel = "SOURCE", description = "BEFORE and AFTER scrapes, or one URL with --interval.")
    private List<String> sources = new ArrayList<>();

    @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class, description = "Scrape the one URL twice, DURATION apart (e.g. 30s).")
    private Duration interval;

    @Option(names = "--server", paramLabel = "URL", description = "Base URL of a Prometheus-compatible server.")
    private String server;

    @Mixin
    private SelectorOptions selectorOptions;

    @Option(names = "--start", paramLabel = "TIME", description = "Earlier moment: RFC 3339 or Unix seconds.")
    private String start;

    @Option(names = "--end", paramLabel = "TIME", description = "Later moment: RFC 3339, Unix seconds or now (default: now).")
    private String end;

    @Option(names = "--range", paramLabel = "DURATION", converter = DurationConverter.class, description = "Compare now with DURATION ago (e.g. 1h).")
    private Duration range;

    @Option(names = "--window", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
            description = "A series exists at a moment when it has a sample in the DURATION before it (default: ${DEFAULT-VALUE}).")
    private Duration window;

    @Mixin
    private SourceOptions sourceOptions;

    @Option(names = "--max-churn", paramLabel = "PERCENT", description = "Exit 1 if the churn rate exceeds PERCENT.")
    private Double maxChurn;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private ReportFormat format = ReportFormat.text;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20", description = "Families to list, and labels per family (default: ${DEFAULT-VALUE}).")
    private int top;

    @Override
    public Integer call() throws Exception {
        Map<String, String> context = new LinkedHashMap<>();
        List<SeriesSnapshot> snapshots = server != null ? fromServer(context) : fromScrapes(context);
        Churn churn = ChurnAnalyzer.compare(snapshots.get(0), snapshots.get(1));
        PrintWriter out = spec.commandLine().getOut();
        if (format == ReportFormat.json) {
            new ChurnJsonReport().write(churn, context, out);
        } else {
            new ChurnTextReport(top).write(churn, context, out);
        }
        if (maxChurn != null && churn.ratePercent() > maxChurn) {
            spec.commandLine().getErr().printf(Locale.ROOT, "metrics-lint: churn rate %s, more than --max-churn %s%%%n",
                    ChurnTextReport.percent(churn.ratePercent()), maxChurn);
            spec.commandLine().getErr().flush();
            return ExitCodes.FINDINGS;
        }
        return ExitCodes.OK;
    }

    private List<SeriesSnapshot> fromScrapes(Map<String, String> context) throws IOException, InterruptedException {
        if (start != null || end != null || range != null || selectorOptions.given()) {
            throw new ParameterException(spec.commandLine(), "--start, --end, --range, --match and --job need --server");
        }
        ScrapeSnapshots reader = new ScrapeSnapshots(new ScrapeReader(sourceOptions.toFetchOptions(), parent.stdin()));
        if (interval != null) {
            if (sources.size() != 1 || !Sources.isUrl(sources.get(0))) {
                throw new ParameterException(spec.commandLine(), "--interval needs exactly one http(s):// SOURCE");
            }
            String url = sources.get(0);
            SeriesSnapshot before = reader.read(url);
            context.put("before", url + " at " + Instant.now());
            Thread.sleep(interval.toMillis());
            SeriesSnapshot after = reader.read(url);
            context.put("after", url + " at " + Instant.now() + " (--interval " + DurationConverter.format(interval) + ")");
            return List.of(before, after);
        }
        if (sources.size() != 2) {
            throw new ParameterException(spec.commandLine(), "churn needs BEFORE and AFTER, one URL with --interval, or --server");
        }
        if (sources.get(0).equals("-") && sources.get(1).equals("-")) {
            throw new ParameterException(spec.commandLine(), "only one of BEFORE and AFTER can be - (stdin)");
        }
        context.put("before", sources.get(0));
        context.put("after", sources.get(1));
        return List.of(reader.read(sources.get(0)), reader.read(sources.get(1)));
    }

    private List<SeriesSnapshot> fromServer(Map<String, String> context) throws IOException {
        if (!sources.isEmpty() || interval != null) {
            throw new ParameterException(spec.commandLine(), "--server takes no SOURCE and no --interval");
        }
        if ((range == null) == (start == null)) {
            throw new ParameterException(spec.commandLine(), "--server needs --range or --start (with an optional --end)");
        }
        Instant later = end == null || end.equals("now") ? Instant.now() : time("--end", end);
        Instant earlier = range != null ? later.minus(range) : time("--start", start);
        if (!earlier.isBefore(later)) {
            throw new ParameterException(spec.commandLine(), "the earlier moment " + earlier + " is not before the later " + later);
        }
        ServerSeries series = ServerSeries.ask(server, sourceOptions.toFetchOptions(), selectorOptions.selector(),
                window);
        SeriesSnapshot before = series.snapshot(earlier);
        SeriesSnapshot after = series.snapshot(later);
        context.putAll(series.notes());
        context.put("before", earlier.toString());
        context.put("after", later.toString());
        context.put("instances", ServerSeries.instances(before) + " before, " + ServerSeries.instances(after) + " after");
        return List.of(before, after);
    }

    private Instant time(String option, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notRfc3339) {
            try {
                return Instant.ofEpochMilli(new BigDecimal(text).movePointRight(3).longValueExact());
            } catch (NumberFormatException | ArithmeticException notSeconds) {
                throw new ParameterException(spec.commandLine(), option + ": expected RFC 3339 (2026-01-31T12:00:00Z) or Unix seconds, not " + text);
            }
        }
    }
}
