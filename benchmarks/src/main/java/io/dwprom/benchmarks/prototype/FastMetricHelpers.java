/*
 * PROTOTYPE, benchmarks only: a copy of the io.dwprom.core class of the same name without 'Fast', with the fix
 * proposed in BENCHMARKS.md (goal 2). Changes are marked FIX.
 */
package io.dwprom.benchmarks.prototype;

import io.dwprom.core.CardinalityGuard;
import io.dwprom.core.DurationGuard;
import io.dwprom.core.ScrapeBarrier;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import io.prometheus.client.Histogram;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Record metrics by name and labels, creating each family on first use:
 *
 * <pre>{@code
 * helpers.observeDuration("custom_operation_seconds", elapsed, FastLabels.of("type", "processing"));
 * helpers.incrementCounter("custom_events_total", FastLabels.of("status", "success"));
 * helpers.setGauge("queue_size", 42, FastLabels.empty());
 * }</pre>
 *
 * A name keeps the type and label names of its first use; using it otherwise throws a {@link MetricsException}
 * of kind {@code CONFLICTING_DEFINITION}, as does a name already taken by another collector. Histograms get the
 * HTTP duration buckets, and every family is bounded by the {@link CardinalityGuard}. Families for a fixed set
 * of metrics are better defined once in a class of their own.
 */
public final class FastMetricHelpers {

    private final CollectorRegistry registry;
    private final ScrapeBarrier barrier;
    private final CardinalityGuard guard;
    private final double[] histogramBuckets;
    private final ConcurrentMap<String, FastDynamicFamily> families = new ConcurrentHashMap<>();
    private final Object creationLock = new Object();

    public FastMetricHelpers(CollectorRegistry registry, ScrapeBarrier barrier, CardinalityGuard guard,
                         double[] histogramBuckets) {
        this.registry = registry;
        this.barrier = barrier;
        this.guard = guard;
        this.histogramBuckets = histogramBuckets.clone();
    }

    public void incrementCounter(String name, FastLabels labels) {
        incrementCounter(name, 1, labels);
    }

    public void incrementCounter(String name, double amount, FastLabels labels) {
        counter(name, labels).inc(amount);
    }

    public void setGauge(String name, double value, FastLabels labels) {
        gauge(name, labels).set(value);
    }

    public void observeHistogram(String name, double value, FastLabels labels) {
        histogram(name, labels).observe(value);
    }

    public void observeDuration(String name, Duration duration, FastLabels labels) {
        observeHistogram(name, duration.toNanos() / 1e9, labels);
    }

    /** A guard that observes the seconds until it is closed into histogram {@code name}. */
    public DurationGuard durationGuard(String name, FastLabels labels) {
        return DurationGuard.start(histogram(name, labels)::observe);
    }

    /** A batch of updates applied together by {@link FastBatchRecorder#record()}. */
    public FastBatchRecorder batch() {
        return new FastBatchRecorder(this);
    }

    Counter.Child counter(String name, FastLabels labels) {
        return (Counter.Child) family(name, FastDynamicFamily.Type.COUNTER, labels).child(labels);
    }

    Gauge.Child gauge(String name, FastLabels labels) {
        return (Gauge.Child) family(name, FastDynamicFamily.Type.GAUGE, labels).child(labels);
    }

    Histogram.Child histogram(String name, FastLabels labels) {
        return (Histogram.Child) family(name, FastDynamicFamily.Type.HISTOGRAM, labels).child(labels);
    }

    private FastDynamicFamily family(String name, FastDynamicFamily.Type type, FastLabels labels) {
        FastDynamicFamily existing = families.get(name);
        if (existing == null) {
            synchronized (creationLock) {
                existing = families.get(name);
                if (existing == null) {
                    existing = FastDynamicFamily.register(registry, guard, name, type, labels, histogramBuckets);
                    families.put(name, existing);
                    return existing;
                }
            }
        }
        existing.checkCompatible(type, labels);
        return existing;
    }

    /**
     * Resolves the families of a whole batch, creating the missing ones; if any operation conflicts, the families
     * this call created are removed again and nothing is applied.
     */
    void applyAtomically(List<FastBatchRecorder.Update> updates) {
        // FIX: the common case, every family already exists: validate without the global creation lock (which
        // serialised every batch of every thread) and keep the resolved families, so applying does not look them
        // up and check them a second time.
        FastDynamicFamily[] resolved = new FastDynamicFamily[updates.size()];
        boolean allExist = true;
        for (int i = 0; i < resolved.length && allExist; i++) {
            FastBatchRecorder.Update update = updates.get(i);
            FastDynamicFamily existing = families.get(update.name());
            if (existing == null) {
                allExist = false;
            } else {
                existing.checkCompatible(update.type(), update.labels());
                resolved[i] = existing;
            }
        }
        if (allExist) {
            barrier.applyBatch(() -> {
                for (int i = 0; i < resolved.length; i++) {
                    updates.get(i).applyTo(resolved[i]);
                }
            });
            return;
        }
        synchronized (creationLock) {
            Set<String> created = new LinkedHashSet<>();
            try {
                for (FastBatchRecorder.Update update : updates) {
                    if (!families.containsKey(update.name())) {
                        created.add(update.name());
                    }
                    family(update.name(), update.type(), update.labels());
                }
            } catch (RuntimeException conflict) {
                created.forEach(name -> families.remove(name).unregister(registry));
                throw conflict;
            }
        }
        barrier.applyBatch(() -> updates.forEach(update -> update.applyTo(this)));
    }
}
