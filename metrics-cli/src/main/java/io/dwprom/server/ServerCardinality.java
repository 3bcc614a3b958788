package io.dwprom.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.dwprom.scrape.source.FetchOptions;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cardinality as a Prometheus-compatible server reports it, for all its series or for a selector (for example every
 * instance of one job), together with notes saying which endpoint and field each number came from.
 *
 * @param server    the server's base URL
 * @param total     series counted
 * @param metrics   series per metric name, most first
 * @param labels    distinct values per label name, most first
 * @param pairs     series per label pair {@code name=value}, most first (empty when the server does not say)
 * @param instances series per {@code instance} value, most first (only for a selector)
 * @param notes     where the numbers came from, in report order
 */
public record ServerCardinality(String server, long total, List<Row> metrics, List<Row> labels, List<Row> pairs,
                                List<Row> instances, Map<String, String> notes) {
    /** One named count. */
    public record Row(String name, long value) {
    }

    /**
     * Asks the server at {@code base}, a Prometheus-compatible HTTP API, for its top {@code top} rows; which endpoints
     * depends on the kind of server ({@link ServerProfile}). For all series: {@code /api/v1/status/tsdb}, falling back to the label and series
     * endpoints where it is missing or empty. For a selector: VictoriaMetrics' TSDB status takes {@code match[]};
     * Prometheus' does not, so the selected series are listed with {@code /api/v1/series} and counted here.
     */
    public static ServerCardinality ask(String base, FetchOptions options, String selector, int top)
            throws IOException {
        PrometheusApi api = new PrometheusApi(base, options);
        ServerProfile profile = ServerProfile.detect(api);
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put("server", profile.description());
        if (selector != null) {
            notes.put("selector", selector);
        }
        if (profile.kind() == ServerProfile.Kind.VICTORIAMETRICS) {
            JsonNode status = selector == null && top <= 10 ? profile.tsdbStatus()
                    : api.get(PrometheusApi.path("/api/v1/status/tsdb", "topN", Integer.toString(top), "match[]", selector,
                            "focusLabel", selector == null ? null : "instance"));
            notes.put("total", "totalSeries of /api/v1/status/tsdb" + (selector == null ? "" : "?match[]=...")
                    + ": series seen on " + LocalDate.now(ZoneOffset.UTC) + " (UTC); VictoriaMetrics counts series per day");
            notes.put("lists", "top " + top + " (topN=" + top + ")");
            return new ServerCardinality(api.base(), status.path("totalSeries").asLong(), rows(status.path("seriesCountByMetricName")),
                    rows(status.path("labelValueCountByLabelName")), rows(status.path("seriesCountByLabelValuePair")),
                    rows(status.path("seriesCountByFocusLabelValue")), notes);
        }
        if (selector != null) {
            notes.put("total", "/api/v1/series?match[]=...: every series the server holds for the selector, counted here "
                    + "(" + profile.kind().label() + "'s /api/v1/status/tsdb takes no selector)");
            return fromSeries(api, PrometheusApi.path("/api/v1/series", "match[]", selector), notes);
        }
        return whole(api, profile.tsdbStatus(), notes);
    }

    private static ServerCardinality whole(PrometheusApi api, JsonNode status, Map<String, String> notes) throws IOException {
        List<Row> metrics = rows(status.path("seriesCountByMetricName"));
        if (metrics.isEmpty()) {
            metrics = seriesPerMetricName(api);
            notes.put("metrics", "/api/v1/label/__name__/values and /api/v1/series per name (no TSDB status lists)");
        }
        long total = status.path("headStats").path("numSeries").asLong(0);
        if (status.path("headStats").has("numSeries")) {
            notes.put("total", "headStats.numSeries of /api/v1/status/tsdb: series in the head block (the last ~2-3 hours)");
        } else {
            total = metrics.stream().mapToLong(Row::value).sum();
            notes.put("total", "sum of series per metric name");
        }
        List<Row> labels = rows(status.path("labelValueCountByLabelName"));
        if (labels.isEmpty()) {
            labels = new ArrayList<>();
            for (JsonNode name : api.get("/api/v1/labels")) {
                labels.add(new Row(name.asText(), api.get("/api/v1/label/" + PrometheusApi.encode(name.asText()) + "/values").size()));
            }
            sort(labels);
            notes.put("labels", "/api/v1/labels and /api/v1/label/<name>/values");
        }
        return new ServerCardinality(api.base(), total, metrics, labels, rows(status.path("seriesCountByLabelValuePair")), List.of(), notes);
    }

    private static List<Row> seriesPerMetricName(PrometheusApi api) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (JsonNode name : api.get("/api/v1/label/__name__/values")) {
            String match = "{__name__=\"" + name.asText() + "\"}";
            rows.add(new Row(name.asText(), api.get(PrometheusApi.path("/api/v1/series", "match[]", match)).size()));
        }
        sort(rows);
        return rows;
    }

    /**
     * Counts a {@code /api/v1/series} answer as it streams in: series per name, values per label, series per pair and
     * per instance. What is kept is one count per distinct label pair, never the answer.
     */
    private static ServerCardinality fromSeries(PrometheusApi api, String path, Map<String, String> notes) throws IOException {
        Map<String, Long> metrics = new HashMap<>();
        Map<String, Long> values = new HashMap<>();
        Map<String, Long> pairs = new HashMap<>();
        Map<String, Long> instances = new HashMap<>();
        long[] series = {0};
        api.series(path, false, labels -> {
            series[0]++;
            labels.forEach((name, value) -> {
                if (pairs.merge(name + "=" + value, 1L, Long::sum) == 1L) {
                    values.merge(name, 1L, Long::sum);
                }
                if (name.equals("__name__")) {
                    metrics.merge(value, 1L, Long::sum);
                } else if (name.equals("instance")) {
                    instances.merge(value, 1L, Long::sum);
                }
            });
        });
        return new ServerCardinality(api.base(), series[0], rows(metrics), rows(values), rows(pairs), rows(instances), notes);
    }

    private static List<Row> rows(Map<String, Long> counts) {
        List<Row> rows = new ArrayList<>();
        counts.forEach((k, v) -> rows.add(new Row(k, v)));
        sort(rows);
        return rows;
    }

    private static List<Row> rows(JsonNode array) {
        List<Row> rows = new ArrayList<>();
        array.forEach(row -> rows.add(new Row(row.path("name").asText(), row.path("value").asLong())));
        return rows;
    }

    private static void sort(List<Row> rows) {
        rows.sort(Comparator.comparingLong((Row r) -> -r.value()).thenComparing(Row::name));
    }
}
