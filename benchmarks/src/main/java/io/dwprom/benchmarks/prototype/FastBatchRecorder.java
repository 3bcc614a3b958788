/*
 * PROTOTYPE, benchmarks only: a copy of the io.dwprom.core class of the same name without 'Fast', with the fix
 * proposed in BENCHMARKS.md (goal 2). Changes are marked FIX.
 */
package io.dwprom.benchmarks.prototype;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects updates and applies them together:
 *
 * <pre>{@code
 * helpers.batch()
 *     .incrementCounter("operations_total", FastLabels.of("type", "batch"))
 *     .observeHistogram("operation_duration_seconds", 1.5, FastLabels.empty())
 *     .setGauge("queue_size", 10, FastLabels.empty())
 *     .record();
 * }</pre>
 *
 * <p>Guarantee of {@link #record()}: every update is validated first (name, type and label names against the
 * families that exist and against each other); if one fails, a {@link MetricsException} is thrown and none is
 * applied. Once valid, the updates are applied while scrapes wait, so a concurrent scrape sees all of them or none.
 * A recorder is not thread-safe; it may be recorded once.
 */
public final class FastBatchRecorder {

    record Update(String name, FastDynamicFamily.Type type, FastLabels labels, double value) {
        void applyTo(FastMetricHelpers helpers) {
            switch (type) {
                case COUNTER -> helpers.counter(name, labels).inc(value);
                case GAUGE -> helpers.gauge(name, labels).set(value);
                case HISTOGRAM -> helpers.histogram(name, labels).observe(value);
            }
        }

        // FIX: applies to an already resolved and checked family.
        void applyTo(FastDynamicFamily family) {
            Object child = family.child(labels);
            switch (type) {
                case COUNTER -> ((io.prometheus.client.Counter.Child) child).inc(value);
                case GAUGE -> ((io.prometheus.client.Gauge.Child) child).set(value);
                case HISTOGRAM -> ((io.prometheus.client.Histogram.Child) child).observe(value);
            }
        }
    }

    private final FastMetricHelpers helpers;
    private final List<Update> updates = new ArrayList<>();
    private boolean recorded;

    FastBatchRecorder(FastMetricHelpers helpers) {
        this.helpers = helpers;
    }

    public FastBatchRecorder incrementCounter(String name, FastLabels labels) {
        return incrementCounter(name, 1, labels);
    }

    public FastBatchRecorder incrementCounter(String name, double amount, FastLabels labels) {
        if (amount < 0) {
            throw new IllegalArgumentException("Counter '" + name + "' cannot be incremented by " + amount);
        }
        return add(new Update(name, FastDynamicFamily.Type.COUNTER, labels, amount));
    }

    public FastBatchRecorder setGauge(String name, double value, FastLabels labels) {
        return add(new Update(name, FastDynamicFamily.Type.GAUGE, labels, value));
    }

    public FastBatchRecorder observeHistogram(String name, double value, FastLabels labels) {
        return add(new Update(name, FastDynamicFamily.Type.HISTOGRAM, labels, value));
    }

    public FastBatchRecorder observeDuration(String name, Duration duration, FastLabels labels) {
        return observeHistogram(name, duration.toNanos() / 1e9, labels);
    }

    /** Validates and applies every update, all or nothing (see the class documentation). */
    public void record() {
        if (recorded) {
            throw new IllegalStateException("This batch was already recorded");
        }
        recorded = true;
        helpers.applyAtomically(List.copyOf(updates));
    }

    private FastBatchRecorder add(Update update) {
        if (recorded) {
            throw new IllegalStateException("This batch was already recorded");
        }
        updates.add(update);
        return this;
    }
}
