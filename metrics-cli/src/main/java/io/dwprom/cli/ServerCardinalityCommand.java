package io.dwprom.cli;

import io.dwprom.server.ServerCardinality;
import io.dwprom.server.ServerCardinalityReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code server-cardinality URL}: cardinality from a Prometheus-compatible server (Prometheus, VictoriaMetrics), for
 * all series or for a selector such as every instance of one job; see {@link ServerCardinality} for the endpoints.
 * Only picocli and JDK types appear in its signatures, so that building the command line loads no Jackson class.
 */
@Command(name = "server-cardinality", mixinStandardHelpOptions = true,
        description = {"Cardinality from a Prometheus-compatible server's HTTP API (Prometheus, VictoriaMetrics): "
                + "/api/v1/status/tsdb, falling back to /api/v1/series and /api/v1/label/<name>/values.",
                "With --job or --match: the numbers of every series the selector matches, e.g. all instances of a job."})
final class ServerCardinalityCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "URL", description = "Base URL of the server, e.g. http://localhost:9090")
    private String server;

    @Mixin
    private SelectorOptions selectorOptions;

    @Mixin
    private SourceOptions sourceOptions;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "Rows per table (default: ${DEFAULT-VALUE}).")
    private int top;

    @Option(names = "--max-series", paramLabel = "N", description = "Exit 1 if more than N series are counted.")
    private Long maxSeries;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private ReportFormat format = ReportFormat.text;

    @Override
    public Integer call() throws Exception {
        ServerCardinality c = ServerCardinality.ask(server, sourceOptions.toFetchOptions(), selectorOptions.selector(),
                top);
        PrintWriter out = spec.commandLine().getOut();
        ServerCardinalityReport report = new ServerCardinalityReport(top);
        if (format == ReportFormat.json) {
            report.json(c, out);
        } else {
            report.text(c, out);
        }
        out.flush();
        if (maxSeries != null && c.total() > maxSeries) {
            spec.commandLine().getErr().printf("metrics-lint: %d series, more than --max-series %d%n", c.total(), maxSeries);
            return ExitCodes.FINDINGS;
        }
        return ExitCodes.OK;
    }
}
