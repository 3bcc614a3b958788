package io.dwprom.churn;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The series one target or server had at one moment, grouped by metric family. */
public final class SeriesSnapshot {
    private final Map<String, Set<Series>> families;
    private final long totalSeries;

    private SeriesSnapshot(Map<String, Set<Series>> families) {
        this.families = Collections.unmodifiableMap(families);
        this.totalSeries = families.values().stream().mapToLong(Set::size).sum();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Family names, sorted. */
    public Set<String> families() {
        return families.keySet();
    }

    /** The series of {@code family}; empty when the snapshot has none. */
    public Set<Series> series(String family) {
        return families.getOrDefault(family, Set.of());
    }

    public long totalSeries() {
        return totalSeries;
    }

    /** Collects series; label names and values are shared between series, which repeat them heavily. */
    public static final class Builder {
        private final Map<String, Set<Series>> families = new TreeMap<>();
        private final Map<String, String> strings = new HashMap<>();

        private Builder() {
        }

        /** Adds a series of {@code family}; a series added twice is kept once. */
        public Builder add(String family, String name, Map<String, String> labels) {
            Map<String, String> shared = new HashMap<>(labels.size() * 2);
            labels.forEach((k, v) -> shared.put(shared(k), shared(v)));
            families.computeIfAbsent(shared(family), f -> new HashSet<>()).add(new Series(shared(name), shared));
            return this;
        }

        /**
         * Adds a series of {@code family} from {@code labelPairs}, label names and values alternating in any order,
         * {@code labelCount} pairs of them: a scrape's sample, without a map per series.
         */
        public Builder add(String family, String name, String[] labelPairs, int labelCount) {
            String[] parts = new String[1 + 2 * labelCount];
            parts[0] = shared(name);
            for (int i = 0; i < labelCount; i++) {
                // insertion sort by label name: a series has a handful of labels
                String label = shared(labelPairs[2 * i]);
                String value = shared(labelPairs[2 * i + 1]);
                int j = i;
                while (j > 0 && parts[2 * j - 1].compareTo(label) > 0) {
                    parts[2 * j + 1] = parts[2 * j - 1];
                    parts[2 * j + 2] = parts[2 * j];
                    j--;
                }
                parts[2 * j + 1] = label;
                parts[2 * j + 2] = value;
            }
            families.computeIfAbsent(shared(family), f -> new HashSet<>()).add(new Series(parts));
            return this;
        }

        private String shared(String s) {
            String existing = strings.putIfAbsent(s, s);
            return existing == null ? s : existing;
        }

        public SeriesSnapshot build() {
            return new SeriesSnapshot(families);
        }
    }
}
