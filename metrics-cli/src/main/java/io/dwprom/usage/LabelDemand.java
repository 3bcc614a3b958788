package io.dwprom.usage;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Which labels of the series under a point of a query can change its result: either every label except
 * {@code labels} ({@code allBut}), or only {@code labels}. A query's result shown as it is needs every label;
 * {@code sum by (job)} needs only {@code job} of what it sums.
 */
record LabelDemand(boolean allBut, Set<String> labels) {
    static final LabelDemand ALL = new LabelDemand(true, Set.of());
    static final LabelDemand NONE = new LabelDemand(false, Set.of());

    LabelDemand {
        labels = Set.copyOf(labels);
    }

    static LabelDemand only(Collection<String> labels) {
        return new LabelDemand(false, Set.copyOf(labels));
    }

    static LabelDemand allExcept(Collection<String> labels) {
        return new LabelDemand(true, Set.copyOf(labels));
    }

    /** Whether {@code label} is needed. */
    boolean keeps(String label) {
        return allBut != labels.contains(label);
    }

    /** What either demand needs. */
    LabelDemand union(LabelDemand other) {
        Set<String> s = new HashSet<>();
        if (!allBut && !other.allBut) {
            s.addAll(labels);
            s.addAll(other.labels);
            return new LabelDemand(false, s);
        }
        if (allBut && other.allBut) {
            s.addAll(labels);
            s.retainAll(other.labels);
        } else {
            s.addAll(allBut ? labels : other.labels);
            s.removeAll(allBut ? other.labels : labels);
        }
        return new LabelDemand(true, s);
    }

    LabelDemand plus(Collection<String> more) {
        return union(only(more));
    }
}
