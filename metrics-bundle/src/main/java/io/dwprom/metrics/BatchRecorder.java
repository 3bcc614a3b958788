package io.dwprom.metrics;

import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import io.prometheus.client.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects updates and applies them together:
 *
 * <pre>{@code
 * helpers.batch()
 *     .incrementCounter("operations_total", Labels.of("type", "batch"))
 *     .observeHistogram("operation_duration_seconds", 1.5, Labels.empty())
 *     .setGauge("queue_size", 10, Labels.empty())
 *     .record();
 * }</pre>
 *
 * <p>Guarantee of {@link #record()}: every update is validated first (name, type and label names against the
 * families that exist and against each other); if one fails, a {@link MetricsException} is thrown and none is
 * applied. Once valid, the updates are applied while scrapes wait, so a concurrent scrape sees all of them or none.
 * A recorder is not thread-safe; it may be recorded once.
 */
public final class BatchRecorder {

    record Update(String name, DynamicFamily.Type type, Labels labels, double value) {
        void applyTo(DynamicFamily family) {
            Object child = family.child(labels);
            switch (type) {
                case COUNTER -> ((Counter.Child) child).inc(value);
                case GAUGE -> ((Gauge.Child) child).set(value);
                case HISTOGRAM -> ((Histogram.Child) child).observe(value);
            }
        }
    }

    private final MetricHelpers helpers;
    private final List<Update> updates = new ArrayList<>();
    private boolean recorded;

    BatchRecorder(MetricHelpers helpers) {
        this.helpers = helpers;
    }

    public BatchRecorder incrementCounter(String name, Labels labels) {
        return incrementCounter(name, 1, labels);
    }

    public BatchRecorder incrementCounter(String name, double amount, Labels labels) {
        if (amount < 0) {
            throw new IllegalArgumentException("Counter '" + name + "' cannot be incremented by " + amount);
        }
        return add(new Update(name, DynamicFamily.Type.COUNTER, labels, amount));
    }

    public BatchRecorder setGauge(String name, double value, Labels labels) {
        return add(new Update(name, DynamicFamily.Type.GAUGE, labels, value));
    }

    public BatchRecorder observeHistogram(String name, double value, Labels labels) {
        return add(new Update(name, DynamicFamily.Type.HISTOGRAM, labels, value));
    }

    public BatchRecorder observeDuration(String name, Duration duration, Labels labels) {
        return observeHistogram(name, duration.toNanos() / 1e9, labels);
    }

    /** Validates and applies every update, all or nothing (see the class documentation). */
    public void record() {
        if (recorded) {
            throw new IllegalStateException("This batch was already recorded");
        }
        recorded = true;
        helpers.applyAtomically(updates);
    }

    private BatchRecorder add(Update update) {
        if (recorded) {
            throw new IllegalStateException("This batch was already recorded");
        }
        updates.add(update);
        return this;
    }
}
