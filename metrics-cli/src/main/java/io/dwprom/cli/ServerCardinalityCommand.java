package io.dwprom.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dwprom.cli.ServerCardinality.Row;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code server-cardinality URL}: cardinality from a Prometheus-compatible server (Prometheus, VictoriaMetrics), for
 * all series or for a selector such as every instance of one job; see {@link ServerCardinality} for the endpoints.
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

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    private String format;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("text") && !format.equals("json")) {
            throw new ParameterException(spec.commandLine(), "--format must be text or json, not " + format);
        }
        String selector = selectorOptions.selector();
        PrometheusApi api = new PrometheusApi(server, sourceOptions.toFetchOptions());
        ServerCardinality c = ServerCardinality.ask(api, ServerProfile.detect(api), selector, top);
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            json(api.base(), c, out);
        } else {
            text(api.base(), c, out);
        }
        out.flush();
        if (maxSeries != null && c.total() > maxSeries) {
            spec.commandLine().getErr().printf("metrics-lint: %d series, more than --max-series %d%n", c.total(), maxSeries);
            return ExitCodes.FINDINGS;
        }
        return ExitCodes.OK;
    }

    private void text(String base, ServerCardinality c, PrintWriter out) {
        out.printf("%s: %d series%n", base, c.total());
        c.notes().forEach((k, v) -> out.println(k + ": " + v));
        out.println();
        table(out, c.metrics(), "METRIC", "SERIES", c.total());
        out.println();
        table(out, c.labels(), "LABEL", "DISTINCT VALUES", -1);
        if (!c.pairs().isEmpty()) {
            out.println();
            table(out, c.pairs(), "LABEL PAIR", "SERIES", c.total());
        }
        if (!c.instances().isEmpty()) {
            out.println();
            out.println("instances: " + c.instances().size());
            table(out, c.instances(), "INSTANCE", "SERIES", c.total());
        }
    }

    private void table(PrintWriter out, List<Row> rows, String nameHeader, String valueHeader, long total) {
        Table table = total >= 0 ? new Table(nameHeader, valueHeader, "SHARE") : new Table(nameHeader, valueHeader);
        rows.stream().limit(top).forEach(r -> {
            if (total >= 0) {
                table.row(r.name(), Long.toString(r.value()), Table.percent(r.value(), total));
            } else {
                table.row(r.name(), Long.toString(r.value()));
            }
        });
        table.print(out);
    }

    private void json(String base, ServerCardinality c, PrintWriter out) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("server", base);
        root.put("series", c.total());
        ObjectNode notes = root.putObject("notes");
        c.notes().forEach(notes::put);
        rows(root.putArray("metrics"), c.metrics(), "series");
        rows(root.putArray("labels"), c.labels(), "distinctValues");
        rows(root.putArray("labelPairs"), c.pairs(), "series");
        rows(root.putArray("instances"), c.instances(), "series");
        try {
            out.println(mapper.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void rows(ArrayNode array, List<Row> rows, String valueField) {
        rows.stream().limit(top).forEach(r -> array.addObject().put("name", r.name()).put(valueField, r.value()));
    }
}
