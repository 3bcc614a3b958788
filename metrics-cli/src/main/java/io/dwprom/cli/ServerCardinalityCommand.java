package io.dwprom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.dwprom.lint.source.SourceException;
import io.dwprom.lint.source.Sources;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code server-cardinality URL}: fleet-wide cardinality from a Prometheus-compatible server. Uses
 * {@code /api/v1/status/tsdb}; when the server lacks it or its lists are empty, counts series per
 * metric name with {@code /api/v1/label/__name__/values} and {@code /api/v1/series}, and values per
 * label with {@code /api/v1/labels} and {@code /api/v1/label/<name>/values}.
 */
@Command(name = "server-cardinality", mixinStandardHelpOptions = true,
        description = "Fleet-wide cardinality from a Prometheus-compatible server's HTTP API (/api/v1/status/tsdb, "
                + "falling back to /api/v1/series and /api/v1/label/<name>/values).")
final class ServerCardinalityCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "URL", description = "Base URL of the server, e.g. http://localhost:9090")
    private String server;

    @Mixin
    private SourceOptions sourceOptions;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "Rows per table (default: ${DEFAULT-VALUE}).")
    private int top;

    @Option(names = "--max-series", paramLabel = "N", description = "Exit 1 if the server holds more than N series.")
    private Long maxSeries;

    @Override
    public Integer call() throws Exception {
        if (!Sources.isUrl(server)) {
            throw new SourceException(server + ": expected an http:// or https:// URL");
        }
        PrometheusApi api = new PrometheusApi(server, sourceOptions.toFetchOptions());
        JsonNode status = tsdbStatus(api);
        List<Map.Entry<String, Long>> metrics = rows(status.path("seriesCountByMetricName"));
        if (metrics.isEmpty()) {
            metrics = countPerValue(api, List.of("__name__"), true);
        }
        long total = status.path("headStats").path("numSeries").asLong(0);
        if (total == 0) {
            total = metrics.stream().mapToLong(Map.Entry::getValue).sum();
        }
        List<Map.Entry<String, Long>> labels = rows(status.path("labelValueCountByLabelName"));
        if (labels.isEmpty()) {
            List<String> names = new ArrayList<>();
            api.get("/api/v1/labels").forEach(n -> names.add(n.asText()));
            labels = countPerValue(api, names, false);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s: %d series%n%n", api.base(), total);
        table(out, metrics, "METRIC", "SERIES", total);
        out.println();
        table(out, labels, "LABEL", "DISTINCT VALUES", -1);
        List<Map.Entry<String, Long>> pairs = rows(status.path("seriesCountByLabelValuePair"));
        if (!pairs.isEmpty()) {
            out.println();
            table(out, pairs, "LABEL PAIR", "SERIES", total);
        }
        out.flush();
        if (maxSeries != null && total > maxSeries) {
            spec.commandLine().getErr().printf("metrics-lint: %d series, more than --max-series %d%n", total, maxSeries);
            return ExitCodes.FINDINGS;
        }
        return ExitCodes.OK;
    }

    /** The TSDB status, or an empty node when the server does not offer the endpoint. */
    private static JsonNode tsdbStatus(PrometheusApi api) throws IOException {
        try {
            return api.get("/api/v1/status/tsdb");
        } catch (SourceException e) {
            if (e.getMessage().endsWith("HTTP 404")) {
                return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
            throw e;
        }
    }

    /**
     * For {@code __name__} with {@code seriesPerValue}: series per metric name via /api/v1/series;
     * otherwise: distinct values per label name.
     */
    private static List<Map.Entry<String, Long>> countPerValue(PrometheusApi api, List<String> labelNames, boolean seriesPerValue)
            throws IOException {
        List<Map.Entry<String, Long>> result = new ArrayList<>();
        for (String label : labelNames) {
            JsonNode values = api.get("/api/v1/label/" + PrometheusApi.encode(label) + "/values");
            if (!seriesPerValue) {
                result.add(Map.entry(label, (long) values.size()));
                continue;
            }
            for (JsonNode value : values) {
                String match = "{__name__=\"" + value.asText() + "\"}";
                result.add(Map.entry(value.asText(), (long) api.get("/api/v1/series?match[]=" + PrometheusApi.encode(match)).size()));
            }
        }
        result.sort(Comparator.comparingLong((Map.Entry<String, Long> e) -> -e.getValue()).thenComparing(Map.Entry::getKey));
        return result;
    }

    private static List<Map.Entry<String, Long>> rows(JsonNode array) {
        List<Map.Entry<String, Long>> rows = new ArrayList<>();
        array.forEach(row -> rows.add(Map.entry(row.path("name").asText(), row.path("value").asLong())));
        return rows;
    }

    private void table(PrintWriter out, List<Map.Entry<String, Long>> rows, String nameHeader, String valueHeader, long total) {
        Table table = total >= 0 ? new Table(nameHeader, valueHeader, "SHARE") : new Table(nameHeader, valueHeader);
        rows.stream().limit(top).forEach(e -> {
            if (total >= 0) {
                table.row(e.getKey(), Long.toString(e.getValue()), Table.percent(e.getValue(), total));
            } else {
                table.row(e.getKey(), Long.toString(e.getValue()));
            }
        });
        table.print(out);
    }
}
