package io.dwprom.metrics;

import io.dwprom.internal.core.CardinalityGuard;
import io.dwprom.internal.core.ScrapeBarrier;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import io.prometheus.client.Histogram;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Record metrics by name and labels, creating each family on first use:
 *
 * <pre>{@code
 * helpers.observeDuration("custom_operation_seconds", elapsed, Labels.of("type", "processing"));
 * helpers.incrementCounter("custom_events_total", Labels.of("status", "success"));
 * helpers.setGauge("queue_size", 42, Labels.empty());
 * }</pre>
 *
 * A name keeps the type and label names of its first use; using it otherwise throws a {@link MetricsException}
 * of kind {@code CONFLICTING_DEFINITION}, as does a name already taken by another collector. Histograms get the
 * HTTP duration buckets, and every family is bounded by the {@link CardinalityGuard}. Families for a fixed set
 * of metrics are better defined once in a class of their own.
 */
public final class MetricHelpers {

    private final CollectorRegistry registry;
    private final ScrapeBarrier barrier;
    private final CardinalityGuard guard;
    private final double[] histogramBuckets;
    private final ConcurrentMap<String, DynamicFamily> families = new ConcurrentHashMap<>();
    private final Object creationLock = new Object();

    /** Made by the bundle: an application gets its helpers from {@code PrometheusMetrics#helpers()} or by injection. */
    public MetricHelpers(CollectorRegistry registry, ScrapeBarrier barrier, CardinalityGuard guard,
                         double[] histogramBuckets) {
        this.registry = registry;
        this.barrier = barrier;
        this.guard = guard;
        this.histogramBuckets = histogramBuckets.clone();
    }

    public void incrementCounter(String name, Labels labels) {
        incrementCounter(name, 1, labels);
    }

    public void incrementCounter(String name, double amount, Labels labels) {
        counter(name, labels).inc(amount);
    }

    public void setGauge(String name, double value, Labels labels) {
        gauge(name, labels).set(value);
    }

    public void observeHistogram(String name, double value, Labels labels) {
        histogram(name, labels).observe(value);
    }

    public void observeDuration(String name, Duration duration, Labels labels) {
        observeHistogram(name, duration.toNanos() / 1e9, labels);
    }

    /** A guard that observes the seconds until it is closed into histogram {@code name}. */
    public DurationGuard durationGuard(String name, Labels labels) {
        return DurationGuard.start(histogram(name, labels)::observe);
    }

    /** A batch of updates applied together by {@link BatchRecorder#record()}. */
    public BatchRecorder batch() {
        return new BatchRecorder(this);
    }

    Counter.Child counter(String name, Labels labels) {
        return (Counter.Child) family(name, DynamicFamily.Type.COUNTER, labels).child(labels);
    }

    Gauge.Child gauge(String name, Labels labels) {
        return (Gauge.Child) family(name, DynamicFamily.Type.GAUGE, labels).child(labels);
    }

    Histogram.Child histogram(String name, Labels labels) {
        return (Histogram.Child) family(name, DynamicFamily.Type.HISTOGRAM, labels).child(labels);
    }

    private DynamicFamily family(String name, DynamicFamily.Type type, Labels labels) {
        DynamicFamily existing = families.get(name);
        if (existing == null) {
            synchronized (creationLock) {
                existing = families.get(name);
                if (existing == null) {
                    existing = DynamicFamily.register(registry, guard, name, type, labels, histogramBuckets);
                    families.put(name, existing);
                    return existing;
                }
            }
        }
        existing.checkCompatible(type, labels);
        return existing;
    }

    /**
     * Applies a batch all or nothing. Usually every family exists: the batch is validated without any lock and
     * applied to the families it resolved. Otherwise, under the creation lock and while scrapes wait, the missing
     * families are registered and published only once every update is valid; on a conflict they are removed
     * again and nothing is applied.
     */
    void applyAtomically(List<BatchRecorder.Update> updates) {
        DynamicFamily[] existing = resolveExisting(updates);
        if (existing != null) {
            barrier.applyBatch(() -> apply(updates, existing));
        } else {
            barrier.applyBatch(() -> apply(updates, resolveCreatingMissing(updates)));
        }
    }

    /** The family of each update, checked, or null when one does not exist yet. */
    private DynamicFamily[] resolveExisting(List<BatchRecorder.Update> updates) {
        DynamicFamily[] resolved = new DynamicFamily[updates.size()];
        for (int i = 0; i < resolved.length; i++) {
            BatchRecorder.Update update = updates.get(i);
            DynamicFamily family = families.get(update.name());
            if (family == null) {
                return null;
            }
            family.checkCompatible(update.type(), update.labels());
            resolved[i] = family;
        }
        return resolved;
    }

    private DynamicFamily[] resolveCreatingMissing(List<BatchRecorder.Update> updates) {
        synchronized (creationLock) {
            Map<String, DynamicFamily> created = new LinkedHashMap<>();
            DynamicFamily[] resolved = new DynamicFamily[updates.size()];
            try {
                for (int i = 0; i < resolved.length; i++) {
                    BatchRecorder.Update update = updates.get(i);
                    DynamicFamily family = families.getOrDefault(update.name(), created.get(update.name()));
                    if (family == null) {
                        family = DynamicFamily.register(registry, guard, update.name(), update.type(),
                                update.labels(), histogramBuckets);
                        created.put(update.name(), family);
                    } else {
                        family.checkCompatible(update.type(), update.labels());
                    }
                    resolved[i] = family;
                }
            } catch (RuntimeException conflict) {
                created.values().forEach(family -> family.unregister(registry));
                throw conflict;
            }
            families.putAll(created);
            return resolved;
        }
    }

    private static void apply(List<BatchRecorder.Update> updates, DynamicFamily[] families) {
        for (int i = 0; i < families.length; i++) {
            updates.get(i).applyTo(families[i]);
        }
    }
}
