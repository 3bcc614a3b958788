/*
 * PROTOTYPE, benchmarks only: a copy of the io.dwprom.core class of the same name without 'Fast', with the fix
 * proposed in BENCHMARKS.md (goal 2). Changes are marked FIX.
 */
package io.dwprom.benchmarks.prototype;

import io.dwprom.core.BoundedChildren;
import io.dwprom.core.CardinalityGuard;
import io.dwprom.core.MetricsException;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import io.prometheus.client.Histogram;
import io.prometheus.client.SimpleCollector;

import java.util.List;
import java.util.regex.Pattern;

/** A family created on first use by name through {@link FastMetricHelpers}; its type and label names are fixed then. */
final class FastDynamicFamily {

    enum Type { COUNTER, GAUGE, HISTOGRAM }

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final String HELP = "Recorded by name through the dwprom metric helpers.";

    private final String name;
    private final Type type;
    private final List<String> labelNames;
    private final SimpleCollector<?> collector;
    private final BoundedChildren<?> children;

    private FastDynamicFamily(String name, Type type, List<String> labelNames, SimpleCollector<?> collector,
                          CardinalityGuard guard) {
        this.name = name;
        this.type = type;
        this.labelNames = labelNames;
        this.collector = collector;
        this.children = new BoundedChildren<>(name, collector, labelNames.size(), guard);
    }

    /** Builds and registers a family; a clash with any registered collector is a {@link MetricsException}. */
    static FastDynamicFamily register(CollectorRegistry registry, CardinalityGuard guard, String name, Type type,
                                  FastLabels labels, double[] buckets) {
        if (!METRIC_NAME.matcher(name).matches()) {
            throw conflict("'" + name + "' is not a valid metric name (expected [a-zA-Z_:][a-zA-Z0-9_:]*)");
        }
        for (String labelName : labels.names()) {
            if (!LABEL_NAME.matcher(labelName).matches() || labelName.startsWith("__")) {
                throw conflict("'" + labelName + "' is not a valid label name for metric '" + name + "'");
            }
        }
        String[] labelNames = labels.names().toArray(String[]::new);
        SimpleCollector<?> collector = switch (type) {
            case COUNTER -> Counter.build(name, HELP).labelNames(labelNames).create();
            case GAUGE -> Gauge.build(name, HELP).labelNames(labelNames).create();
            case HISTOGRAM -> Histogram.build(name, HELP).labelNames(labelNames).buckets(buckets).create();
        };
        try {
            registry.register(collector);
        } catch (IllegalArgumentException clash) {
            throw conflict("Cannot use '" + name + "' as a " + type + ": " + clash.getMessage());
        }
        return new FastDynamicFamily(name, type, labels.names(), collector, guard);
    }

    /** Fails unless this family has exactly the given type and label names. */
    void checkCompatible(Type wantedType, FastLabels labels) {
        if (type != wantedType || !labelNames.equals(labels.names())) {
            throw conflict("Metric '" + name + "' is a " + type + " with labels " + labelNames
                    + "; it cannot be used as a " + wantedType + " with labels " + labels.names());
        }
    }

    void unregister(CollectorRegistry registry) {
        registry.unregister(collector);
    }

    Object child(FastLabels labels) {
        return children.labels(labels.valuesArray());
    }

    private static MetricsException conflict(String message) {
        return new MetricsException(MetricsException.Kind.CONFLICTING_DEFINITION, message);
    }
}
