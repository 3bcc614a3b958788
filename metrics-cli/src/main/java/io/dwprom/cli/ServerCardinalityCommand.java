package io.dwprom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dwprom.lint.source.OpenedSource;
import io.dwprom.lint.source.SourceException;
import io.dwprom.lint.source.Sources;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code server-cardinality URL}: fleet-wide cardinality from a Prometheus-compatible server's
 * {@code /api/v1/status/tsdb} (head series, top metric names, labels and label pairs).
 */
@Command(name = "server-cardinality", mixinStandardHelpOptions = true,
        description = "Fleet-wide cardinality from a Prometheus-compatible server's /api/v1/status/tsdb.")
final class ServerCardinalityCommand implements Callable<Integer> {
    @ParentCommand
    private MetricsLintCommand parent;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "URL", description = "Base URL of the server, e.g. http://localhost:9090")
    private String server;

    @Mixin
    private SourceOptions sourceOptions;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "Rows per table (default: ${DEFAULT-VALUE}).")
    private int top;

    @Option(names = "--max-series", paramLabel = "N", description = "Exit 1 if the server's head holds more than N series.")
    private Long maxSeries;

    @Override
    public Integer call() throws Exception {
        if (!Sources.isUrl(server)) {
            throw new SourceException(server + ": expected an http:// or https:// URL");
        }
        String base = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
        String url = base + "/api/v1/status/tsdb?limit=" + top;
        JsonNode data = fetch(url);
        long total = data.path("headStats").path("numSeries").asLong();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s: %d series in the head block%n%n", base, total);
        table(out, data.path("seriesCountByMetricName"), "METRIC", "SERIES", total);
        out.println();
        table(out, data.path("labelValueCountByLabelName"), "LABEL", "DISTINCT VALUES", -1);
        out.println();
        table(out, data.path("seriesCountByLabelValuePair"), "LABEL PAIR", "SERIES", total);
        out.flush();
        if (maxSeries != null && total > maxSeries) {
            spec.commandLine().getErr().printf("metrics-lint: %d series, more than --max-series %d%n", total, maxSeries);
            return ExitCodes.FINDINGS;
        }
        return ExitCodes.OK;
    }

    private JsonNode fetch(String url) throws IOException {
        JsonNode root;
        try (OpenedSource source = Sources.open(url, sourceOptions.toFetchOptions(), parent.stdin())) {
            root = new ObjectMapper().readTree(source.stream());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SourceException(url + ": response is not JSON");
        }
        if (root == null || !"success".equals(root.path("status").asText())) {
            throw new SourceException(url + ": API call failed: " + (root == null ? "empty response" : root.path("error").asText("no status")));
        }
        return root.path("data");
    }

    private void table(PrintWriter out, JsonNode rows, String nameHeader, String valueHeader, long total) {
        Table table = total >= 0 ? new Table(nameHeader, valueHeader, "SHARE") : new Table(nameHeader, valueHeader);
        int n = 0;
        for (JsonNode row : rows) {
            if (n++ >= top) {
                break;
            }
            long value = row.path("value").asLong();
            if (total >= 0) {
                table.row(row.path("name").asText(), Long.toString(value), Table.percent(value, total));
            } else {
                table.row(row.path("name").asText(), Long.toString(value));
            }
        }
        table.print(out);
    }
}
