package io.dwprom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.dwprom.churn.SeriesSnapshot;
import io.dwprom.usage.SeriesInventory;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The series a server held at a moment: those matching a selector (every instance of a job, say) with a sample in the
 * window before it, grouped into families by {@link ServerFamilies}. Prometheus' {@code /api/v1/series} is exact to
 * the sample for a time range; VictoriaMetrics rounds that range to whole days, so for it an instant
 * {@code /api/v1/query} with the window as {@code step} (its lookback for instant queries) is asked instead.
 */
final class ServerSeries {
    private final PrometheusApi api;
    private final ServerProfile profile;
    private final ServerFamilies families;
    private final String selector;
    private final Duration window;

    ServerSeries(PrometheusApi api, ServerProfile profile, String selector, Duration window) throws IOException {
        this.api = api;
        this.profile = profile;
        this.families = ServerFamilies.ask(api);
        this.selector = selector;
        this.window = window;
    }

    /** The series at {@code time}, with their label values, for comparing moments. */
    SeriesSnapshot snapshot(Instant time) throws IOException {
        SeriesSnapshot.Builder builder = SeriesSnapshot.builder();
        forEach(time, (family, name, labels) -> builder.add(family, name, labels));
        return builder.build();
    }

    /** The series at {@code time} as the inventory {@code usage} judges queries against. */
    SeriesInventory inventory(Instant time) throws IOException {
        SeriesInventory.Builder builder = SeriesInventory.builder();
        forEach(time, (family, name, labels) -> builder.add(family, name, labels));
        return builder.build();
    }

    /** Which API answered, how families were formed and what the answer means, for reports. */
    Map<String, String> notes() {
        Map<String, String> notes = new java.util.LinkedHashMap<>();
        notes.put("server", api.base() + ": " + profile.description());
        notes.put("selector", selector);
        if (profile.kind() == ServerProfile.Kind.VICTORIAMETRICS) {
            notes.put("method", "/api/v1/query at each moment with step=" + window.toSeconds() + "s as lookback "
                    + "(VictoriaMetrics rounds /api/v1/series time ranges to whole days; its queries do not see the newest "
                    + profile.victoriaMetricsFlag("search.latencyOffset", "30s") + ", -search.latencyOffset)");
        } else {
            notes.put("method", "/api/v1/series over the " + window.toSeconds() + "s before each moment (series with a sample in it)");
        }
        notes.put("families", families.description());
        return notes;
    }

    /** Distinct {@code instance} values in {@code snapshot}: the targets of the selected jobs. */
    static long instances(SeriesSnapshot snapshot) {
        return snapshot.families().stream().flatMap(f -> snapshot.series(f).stream())
                .map(s -> s.labels().get("instance")).filter(i -> i != null).distinct().count();
    }

    private void forEach(Instant time, SeriesConsumer consumer) throws IOException {
        List<Map<String, String>> answer = new ArrayList<>();
        Consumer<JsonNode> collect = metric -> {
            Map<String, String> labels = new HashMap<>();
            metric.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            if (labels.containsKey("__name__")) {
                answer.add(labels);
            }
        };
        if (profile.kind() == ServerProfile.Kind.VICTORIAMETRICS) {
            api.get(PrometheusApi.path("/api/v1/query", "query", selector, "time", seconds(time),
                    "step", window.toSeconds() + "s")).path("result").forEach(r -> collect.accept(r.path("metric")));
        } else {
            api.get(PrometheusApi.path("/api/v1/series", "match[]", selector,
                    "start", seconds(time.minus(window)), "end", seconds(time))).forEach(collect);
        }
        Set<String> names = new HashSet<>();
        answer.forEach(labels -> names.add(labels.get("__name__")));
        families.inferFrom(names);
        for (Map<String, String> labels : answer) {
            String name = labels.remove("__name__");
            consumer.accept(families.familyOf(name), name, labels);
        }
    }

    private static String seconds(Instant t) {
        return String.format(Locale.ROOT, "%.3f", t.toEpochMilli() / 1000.0);
    }

    /** Receives one series: its family, its name and its labels without {@code __name__}. */
    @FunctionalInterface
    private interface SeriesConsumer {
        void accept(String family, String name, Map<String, String> labels);
    }
}
