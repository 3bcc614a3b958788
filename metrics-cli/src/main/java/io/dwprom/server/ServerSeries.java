package io.dwprom.server;

import io.dwprom.churn.SeriesSnapshot;
import io.dwprom.scrape.FamilyGrouping;
import io.dwprom.scrape.source.FetchOptions;
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
public final class ServerSeries {
    private static final String EVERY_SERIES = "{__name__=~\".+\"}";

    private final PrometheusApi api;
    private final ServerProfile profile;
    private final ServerFamilies families;
    private final String selector;
    private final Duration window;

    private ServerSeries(PrometheusApi api, ServerProfile profile, String selector, Duration window) throws IOException {
        this.api = api;
        this.profile = profile;
        this.families = ServerFamilies.ask(api);
        this.selector = selector;
        this.window = window;
    }

    /**
     * The series of {@code selector} ({@code null} for every series) on the server at {@code base}, a
     * Prometheus-compatible HTTP API, asked with {@code window} as lookback; asks which kind of server it is.
     */
    public static ServerSeries ask(String base, FetchOptions options, String selector, Duration window)
            throws IOException {
        PrometheusApi api = new PrometheusApi(base, options);
        return new ServerSeries(api, ServerProfile.detect(api), selector == null ? EVERY_SERIES : selector, window);
    }

    /** The server and the selector, naming the series in reports. */
    public String source() {
        return api.base() + " " + selector;
    }

    /** The series at {@code time}, with their label values, for comparing moments. */
    public SeriesSnapshot snapshot(Instant time) throws IOException {
        SeriesSnapshot.Builder builder = SeriesSnapshot.builder();
        forEach(time, (family, name, labels) -> builder.add(family, name, labels));
        return builder.build();
    }

    /** The series at {@code time} as the inventory {@code usage} judges queries against. */
    public SeriesInventory inventory(Instant time) throws IOException {
        SeriesInventory.Builder builder = SeriesInventory.builder();
        forEach(time, (family, name, labels) -> builder.add(family, name, labels));
        return builder.build();
    }

    /** Which API answered, how families were formed and what the answer means, for reports. */
    public Map<String, String> notes() {
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
    public static long instances(SeriesSnapshot snapshot) {
        return snapshot.families().stream().flatMap(f -> snapshot.series(f).stream())
                .map(s -> s.value("instance")).filter(i -> !i.isEmpty()).distinct().count();
    }

    /**
     * Streams the series at {@code time} from the server and hands them to {@code consumer} with their families.
     * Families of names without metadata are inferred from all the answer's names, so the series are held until the
     * answer is complete: as arrays of shared strings, never as the answer's JSON.
     */
    private void forEach(Instant time, SeriesConsumer consumer) throws IOException {
        List<String[]> answer = new ArrayList<>();
        Map<String, String> strings = new HashMap<>();
        Consumer<Map<String, String>> collect = labels -> {
            String name = labels.remove("__name__");
            if (name == null) {
                return;
            }
            String[] series = new String[1 + 2 * labels.size()];
            series[0] = shared(strings, name);
            int i = 1;
            for (Map.Entry<String, String> label : labels.entrySet()) {
                series[i++] = shared(strings, label.getKey());
                series[i++] = shared(strings, label.getValue());
            }
            answer.add(series);
        };
        if (profile.kind() == ServerProfile.Kind.VICTORIAMETRICS) {
            api.series(PrometheusApi.path("/api/v1/query", "query", selector, "time", seconds(time),
                    "step", window.toSeconds() + "s"), true, collect);
        } else {
            api.series(PrometheusApi.path("/api/v1/series", "match[]", selector,
                    "start", seconds(time.minus(window)), "end", seconds(time)), false, collect);
        }
        Set<String> names = new HashSet<>();
        answer.forEach(series -> names.add(series[0]));
        FamilyGrouping<String> grouping = families.grouping(names);
        Map<String, String> labels = new HashMap<>();
        for (int s = 0; s < answer.size(); s++) {
            String[] series = answer.get(s);
            answer.set(s, null);
            labels.clear();
            for (int i = 1; i < series.length; i += 2) {
                labels.put(series[i], series[i + 1]);
            }
            consumer.accept(grouping.sample(series[0]), series[0], labels);
        }
    }

    private static String shared(Map<String, String> strings, String s) {
        String existing = strings.putIfAbsent(s, s);
        return existing == null ? s : existing;
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
