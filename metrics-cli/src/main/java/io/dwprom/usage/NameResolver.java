package io.dwprom.usage;

import io.dwprom.promql.Expr.VectorSelector;
import io.dwprom.promql.LabelMatcher;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which families of the inventory, and which recorded names of recording rules, a selector selects: by its
 * metric name, by every {@code __name__} matcher ({@code {__name__=~"http_.*"}} selects each family with a
 * matching series name), or, without either, every family carrying the labels its matchers require.
 */
final class NameResolver {
    private final SeriesInventory inventory;
    private final Set<String> recordNames;
    private final Map<VectorSelector, Targets> cache = new IdentityHashMap<>();

    /** The families and recorded names one selector selects. */
    record Targets(List<SeriesFamily> families, List<String> records) {
    }

    NameResolver(SeriesInventory inventory, Set<String> recordNames) {
        this.inventory = inventory;
        this.recordNames = recordNames;
    }

    Targets resolve(VectorSelector s) {
        return cache.computeIfAbsent(s, this::compute);
    }

    private Targets compute(VectorSelector s) {
        Set<SeriesFamily> families = new LinkedHashSet<>();
        List<String> records = new ArrayList<>();
        if (s.metricName() != null) {
            SeriesFamily f = inventory.familyOfSeriesName(s.metricName());
            if (f != null) {
                families.add(f);
            }
            if (recordNames.contains(s.metricName())) {
                records.add(s.metricName());
            }
            return new Targets(List.copyOf(families), records);
        }
        List<LabelMatcher> nameMatchers = s.matchers().stream()
                .filter(m -> m.name().equals(LabelMatcher.METRIC_NAME)).toList();
        if (nameMatchers.isEmpty()) {
            for (SeriesFamily f : inventory.families()) {
                if (hasRequiredLabels(f, s.matchers())) {
                    families.add(f);
                }
            }
            records.addAll(recordNames);
        } else {
            for (SeriesFamily f : inventory.families()) {
                for (String name : f.seriesNames()) {
                    if (matchesAll(nameMatchers, name)) {
                        families.add(f);
                        break;
                    }
                }
            }
            for (String name : recordNames) {
                if (matchesAll(nameMatchers, name)) {
                    records.add(name);
                }
            }
        }
        return new Targets(List.copyOf(families), records);
    }

    private static boolean matchesAll(List<LabelMatcher> matchers, String name) {
        for (LabelMatcher m : matchers) {
            if (!m.matches(name)) {
                return false;
            }
        }
        return true;
    }

    /** A matcher that rejects the empty value needs the label present. */
    private static boolean hasRequiredLabels(SeriesFamily f, List<LabelMatcher> matchers) {
        for (LabelMatcher m : matchers) {
            if (!m.matches("") && !f.labelNames().contains(m.name())) {
                return false;
            }
        }
        return true;
    }
}
