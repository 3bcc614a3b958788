package io.dwprom.usage;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** How queries use one family: the queries selecting it, and for each of its labels whether one keeps it. */
public record FamilyUsage(String name, int series, List<String> seriesNames, List<QueryOrigin> users,
                          List<LabelUsage> labels) {
    public FamilyUsage {
        seriesNames = List.copyOf(seriesNames);
        users = List.copyOf(users);
        labels = List.copyOf(labels);
    }

    static FamilyUsage of(SeriesFamily f, Set<QueryOrigin> users, Set<String> kept) {
        List<LabelUsage> labels = new ArrayList<>();
        for (String label : f.labelNames()) {
            boolean isKept = kept.contains(label);
            int ifAggregated = users.isEmpty() || isKept ? -1 : f.seriesWithout(label);
            labels.add(new LabelUsage(label, isKept, f.distinctValues(label), ifAggregated));
        }
        return new FamilyUsage(f.name(), f.seriesCount(), List.copyOf(f.seriesNames()), List.copyOf(users), labels);
    }

    public boolean used() {
        return !users.isEmpty();
    }

    /** The labels of a used family that no query keeps. */
    public List<LabelUsage> unusedLabels() {
        return used() ? labels.stream().filter(l -> !l.kept()).toList() : List.of();
    }
}
