package io.dwprom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.dwprom.churn.SeriesSnapshot;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The series a server held at a moment: those matching a selector with a sample in the window before it. Families
 * are metric names, as the server stores them. Prometheus' {@code /api/v1/series} is exact to the sample for a time
 * range; VictoriaMetrics rounds that range to whole days, so for it an instant {@code /api/v1/query} with the window
 * as {@code step} (its lookback for instant queries) is asked instead.
 */
final class ServerSnapshots {
    private final PrometheusApi api;
    private final ServerProfile profile;
    private final String selector;
    private final Duration window;

    ServerSnapshots(PrometheusApi api, ServerProfile profile, String selector, Duration window) {
        this.api = api;
        this.profile = profile;
        this.selector = selector;
        this.window = window;
    }

    SeriesSnapshot at(Instant time) throws IOException {
        SeriesSnapshot.Builder builder = SeriesSnapshot.builder();
        if (profile.kind() == ServerProfile.Kind.VICTORIAMETRICS) {
            JsonNode result = api.get(PrometheusApi.path("/api/v1/query", "query", selector,
                    "time", seconds(time), "step", window.toSeconds() + "s")).path("result");
            result.forEach(r -> add(builder, r.path("metric")));
        } else {
            api.get(PrometheusApi.path("/api/v1/series", "match[]", selector,
                    "start", seconds(time.minus(window)), "end", seconds(time))).forEach(s -> add(builder, s));
        }
        return builder.build();
    }

    /** Which API answered and what its answer means, for the report. */
    String method() {
        if (profile.kind() == ServerProfile.Kind.VICTORIAMETRICS) {
            return "/api/v1/query at each moment with step=" + window.toSeconds() + "s as lookback (VictoriaMetrics rounds "
                    + "/api/v1/series time ranges to whole days; its queries do not see the newest "
                    + profile.victoriaMetricsFlag("search.latencyOffset", "30s") + ", -search.latencyOffset)";
        }
        return "/api/v1/series over the " + window.toSeconds() + "s before each moment (series with a sample in it)";
    }

    /** Distinct {@code instance} values in {@code snapshot}: the targets of the selected jobs. */
    static long instances(SeriesSnapshot snapshot) {
        return snapshot.families().stream().flatMap(f -> snapshot.series(f).stream())
                .map(s -> s.labels().get("instance")).filter(i -> i != null).distinct().count();
    }

    private static void add(SeriesSnapshot.Builder builder, JsonNode metric) {
        Map<String, String> labels = new HashMap<>();
        metric.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        String name = labels.remove("__name__");
        if (name != null) {
            builder.add(name, name, labels);
        }
    }

    private static String seconds(Instant t) {
        return String.format(java.util.Locale.ROOT, "%.3f", t.toEpochMilli() / 1000.0);
    }
}
