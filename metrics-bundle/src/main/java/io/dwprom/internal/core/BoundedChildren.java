package io.dwprom.internal.core;

import io.prometheus.client.SimpleCollector;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The label children of one simpleclient family, cached and bounded by a {@link CardinalityGuard}. A known label
 * set costs one map lookup (the same as simpleclient's own {@code labels()}); a new one within the limit creates
 * its child once; past the limit, the family's overflow child is returned.
 *
 * @param <C> the child type ({@code Counter.Child}, {@code Histogram.Child}, ...)
 */
public final class BoundedChildren<C> {

    private final String family;
    private final SimpleCollector<C> collector;
    private final CardinalityGuard guard;
    private final ConcurrentMap<LabelValues, C> children = new ConcurrentHashMap<>();
    private final String[] overflowLabels;

    public BoundedChildren(String family, SimpleCollector<C> collector, int labelCount, CardinalityGuard guard) {
        this.family = family;
        this.collector = collector;
        this.guard = guard;
        this.overflowLabels = new String[labelCount];
        Arrays.fill(overflowLabels, CardinalityGuard.OVERFLOW);
    }

    /** The child for these label values, or the overflow child once the family is full. */
    public C labels(String... labelValues) {
        C child = children.get(new LabelValues(labelValues));
        return child != null ? child : admit(labelValues);
    }

    private C admit(String[] labelValues) {
        if (children.size() < guard.maxLabelSets()) {
            C child = collector.labels(labelValues); // validates the values (count, nulls) before caching
            C raced = children.putIfAbsent(new LabelValues(labelValues.clone()), child);
            return raced != null ? raced : child;
        }
        guard.overflowed(family);
        return collector.labels(overflowLabels);
    }
}
