package io.dwprom.metrics;

import io.dwprom.internal.core.BoundedChildren;
import io.dwprom.internal.core.CardinalityGuard;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import io.prometheus.client.Histogram;
import io.prometheus.client.SimpleCollector;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/** A family created on first use by name through {@link MetricHelpers}; its type and label names are fixed then. */
final class DynamicFamily {

    enum Type { COUNTER, GAUGE, HISTOGRAM }

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final String HELP = "Recorded by name through the dwprom metric helpers.";

    private final String name;
    private final Type type;
    private final String[] labelNames;
    private final SimpleCollector<?> collector;
    private final BoundedChildren<?> children;

    private DynamicFamily(String name, Type type, String[] labelNames, SimpleCollector<?> collector,
                          CardinalityGuard guard) {
        this.name = name;
        this.type = type;
        this.labelNames = labelNames;
        this.collector = collector;
        this.children = labelNames == null ? null : new BoundedChildren<>(name, collector, labelNames.length, guard);
    }

    /** Builds and registers a family; a clash with any registered collector is a {@link MetricsException}. */
    static DynamicFamily register(CollectorRegistry registry, CardinalityGuard guard, String name, Type type,
                                  Labels labels, double[] buckets) {
        validate(name, type, labels);
        String[] labelNames = labels.namesArray().clone();
        SimpleCollector<?> collector = build(name, type, labelNames, buckets);
        try {
            registry.register(collector);
        } catch (IllegalArgumentException clash) {
            throw conflict("Cannot use '" + name + "' as a " + type + ": " + clash.getMessage());
        }
        return new DynamicFamily(name, type, labelNames, collector, guard);
    }

    /**
     * A family that is never registered and keeps one series whatever the labels: where the recordings of a family
     * the helpers refused to create go, so that they cost neither memory nor an exception.
     */
    static DynamicFamily sink(Type type, double[] buckets) {
        String name = "dwprom_refused_" + type.name().toLowerCase(Locale.ROOT);
        SimpleCollector<?> collector = build(name, type, new String[0], buckets);
        return new DynamicFamily(name, type, null, collector, null);
    }

    /** Fails with a {@link MetricsException} unless {@code name} and {@code labels} can make a family of {@code type}. */
    static void validate(String name, Type type, Labels labels) {
        if (!METRIC_NAME.matcher(name).matches()) {
            throw conflict("'" + name + "' is not a valid metric name (expected [a-zA-Z_:][a-zA-Z0-9_:]*)");
        }
        for (String labelName : labels.names()) {
            if (!LABEL_NAME.matcher(labelName).matches() || labelName.startsWith("__")) {
                throw conflict("'" + labelName + "' is not a valid label name for metric '" + name + "'");
            }
            if (type == Type.HISTOGRAM && labelName.equals("le")) {
                throw conflict("Histogram '" + name + "' cannot have a label named 'le': it holds the bucket bounds");
            }
        }
    }

    private static SimpleCollector<?> build(String name, Type type, String[] labelNames, double[] buckets) {
        // Exemplars belong to the HTTP and statement durations alone (prometheus.exemplars): simpleclient would
        // otherwise sample them on every helper family whenever OpenTelemetry is on the class path.
        try {
            return switch (type) {
                case COUNTER -> Counter.build(name, HELP).labelNames(labelNames).withoutExemplars().create();
                case GAUGE -> Gauge.build(name, HELP).labelNames(labelNames).create();
                case HISTOGRAM -> Histogram.build(name, HELP).labelNames(labelNames).buckets(buckets)
                        .withoutExemplars().create();
            };
        } catch (IllegalStateException | IllegalArgumentException refused) {
            throw conflict("Cannot define '" + name + "' as a " + type + ": " + refused.getMessage());
        }
    }

    /** Fails unless this family has exactly the given type and label names. */
    void checkCompatible(Type wantedType, Labels labels) {
        if (labelNames == null) {
            return;
        }
        if (type != wantedType || !Arrays.equals(labelNames, labels.namesArray())) {
            throw conflict("Metric '" + name + "' is a " + type + " with labels " + Arrays.toString(labelNames)
                    + "; it cannot be used as a " + wantedType + " with labels " + labels.names());
        }
    }

    void unregister(CollectorRegistry registry) {
        registry.unregister(collector);
    }

    Object child(Labels labels) {
        return children == null ? collector.labels() : children.labels(labels.valuesArray());
    }

    private static MetricsException conflict(String message) {
        return new MetricsException(MetricsException.Kind.CONFLICTING_DEFINITION, message);
    }
}
