package io.dwprom.usage;

import io.dwprom.scrape.parse.Dialect;
import io.dwprom.scrape.parse.Exposition;
import io.dwprom.scrape.parse.Hash64;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The series that queries are judged against: metric families, the series names each was exposed under,
 * and the label sets of its series. Built from a scrape ({@link #fromScrape}) or series by series
 * ({@link #builder()}, for example from a Prometheus-compatible server's series API).
 */
public final class SeriesInventory {
    private final List<SeriesFamily> families;
    private final Map<String, SeriesFamily> bySeriesName = new HashMap<>();
    private final long totalSeries;

    private SeriesInventory(Collection<SeriesFamily> families) {
        List<SeriesFamily> sorted = new ArrayList<>(families);
        sorted.removeIf(f -> f.seriesCount() == 0);
        sorted.sort(Comparator.comparing(SeriesFamily::name));
        this.families = List.copyOf(sorted);
        long total = 0;
        for (SeriesFamily f : this.families) {
            total += f.seriesCount();
            for (String name : f.seriesNames()) {
                bySeriesName.put(name, f);
            }
            if (f.seriesNames().contains(f.name() + "_bucket")) {
                // A histogram's own name is the series Prometheus stores its native histogram under.
                bySeriesName.putIfAbsent(f.name(), f);
            }
        }
        this.totalSeries = total;
    }

    /**
     * Parses a Prometheus text or OpenMetrics exposition; samples join families as {@code metrics-lint lint}
     * groups them (OpenMetrics suffixes understood). Throws {@link io.dwprom.scrape.parse.ParseException} on
     * malformed input.
     */
    public static SeriesInventory fromScrape(InputStream in) throws IOException {
        return fromExposition(Exposition.text(in));
    }

    /** As {@link #fromScrape}, for an exposition in any format (a native histogram is one series of its family). */
    public static SeriesInventory fromExposition(Exposition exposition) throws IOException {
        ScrapeInventoryHandler handler = new ScrapeInventoryHandler(Dialect.OPENMETRICS);
        exposition.read(handler, Dialect.OPENMETRICS);
        return new SeriesInventory(handler.families());
    }

    /** Collects series one at a time. */
    public static Builder builder() {
        return new Builder();
    }

    /** Families with at least one series, sorted by name. */
    public List<SeriesFamily> families() {
        return families;
    }

    /** The family a series name (the {@code __name__} of a series) belongs to, or {@code null}. */
    public SeriesFamily familyOfSeriesName(String seriesName) {
        return bySeriesName.get(seriesName);
    }

    /** Distinct series across all families. */
    public long totalSeries() {
        return totalSeries;
    }

    /** Adds series given as label maps; repeated series count once. */
    public static final class Builder {
        private final Map<String, SeriesFamily> families = new HashMap<>();
        private long[] values = new long[8];

        private Builder() {
        }

        /**
         * Adds the series {@code seriesName{labels}} to {@code family} ({@code labels} without {@code __name__});
         * empty values count as missing labels, as in Prometheus.
         */
        public Builder add(String family, String seriesName, Map<String, String> labels) {
            SeriesFamily f = families.computeIfAbsent(family, SeriesFamily::new);
            long nameHash = Hash64.string(seriesName);
            if (values.length < f.columnCount() + labels.size()) {
                values = new long[(f.columnCount() + labels.size()) * 2];
            }
            // A label this series lacks must not keep the previous series' value.
            Arrays.fill(values, 0, f.columnCount(), 0L);
            values[0] = nameHash;
            int count = f.columnCount();
            long labelsHash = 0;
            for (Map.Entry<String, String> label : labels.entrySet()) {
                if (label.getValue().isEmpty()) {
                    continue;
                }
                int c = f.column(label.getKey(), Hash64.string(label.getKey()));
                count = Math.max(count, c + 1);
                byte[] bytes = label.getValue().getBytes(StandardCharsets.UTF_8);
                values[c] = Hash64.bytes(bytes, 0, bytes.length);
                labelsHash += Hash64.pair(f.columnHash(c), values[c]);
            }
            f.add(seriesName, values, count, Hash64.series(nameHash, labelsHash));
            return this;
        }

        public SeriesInventory build() {
            return new SeriesInventory(families.values());
        }
    }
}
