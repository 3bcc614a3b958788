package io.dwprom.internal.core;

import io.prometheus.client.SimpleCollector;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The label children of one simpleclient family, cached and bounded by a {@link CardinalityGuard}. A known label
 * set costs one map lookup (the same as simpleclient's own {@code labels()}); a new one within the limit creates
 * its child once; past the limit, the family's overflow child is returned. The limit is exact under concurrency: a
 * new label set takes its place in the {@link LabelSetBudget} inside the map's atomic insertion of its key, so
 * threads racing on one label set take one place, and threads racing on different ones never take more places
 * than the limit.
 *
 * @param <C> the child type ({@code Counter.Child}, {@code Histogram.Child}, ...)
 */
public final class BoundedChildren<C> {

    private final SimpleCollector<C> collector;
    private final LabelSetBudget budget;
    private final ConcurrentMap<LabelValues, C> children = new ConcurrentHashMap<>();
    private final String[] overflowLabels;

    public BoundedChildren(String family, SimpleCollector<C> collector, int labelCount, CardinalityGuard guard) {
        this.collector = collector;
        this.budget = guard.budget(family);
        this.overflowLabels = new String[labelCount];
        Arrays.fill(overflowLabels, CardinalityGuard.OVERFLOW);
    }

    /** The child for these label values, or the overflow child once the family is full. */
    public C labels(String... labelValues) {
        C child = children.get(new LabelValues(labelValues));
        return child != null ? child : admit(labelValues);
    }

    private C admit(String[] labelValues) {
        C child = children.computeIfAbsent(new LabelValues(labelValues.clone()), key -> create(labelValues));
        return child != null ? child : collector.labels(overflowLabels);
    }

    /** The new child, or null (no mapping) once the family is full. */
    private C create(String[] labelValues) {
        if (!budget.tryAdmit()) {
            return null;
        }
        try {
            return collector.labels(labelValues); // validates the values (count, nulls)
        } catch (RuntimeException invalid) {
            budget.release();
            throw invalid;
        }
    }
}
