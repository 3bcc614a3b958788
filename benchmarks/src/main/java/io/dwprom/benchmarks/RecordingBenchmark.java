package io.dwprom.benchmarks;

import io.dwprom.internal.core.Buckets;
import io.dwprom.metrics.DurationGuard;
import io.dwprom.metrics.Labels;
import io.dwprom.metrics.MetricHelpers;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import io.prometheus.client.Histogram;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Goal 2: the cost of one recording through the metric helpers ({@link MetricHelpers}, {@link DurationGuard},
 * {@code BatchRecorder}), each next to its baseline, the same update through plain simpleclient on a child looked
 * up by label values (what a hand-written collector costs). Run with {@code -t 1} and {@code -t 2}: with two
 * threads every benchmark hits the same series, the worst case for contention.
 *
 * <p>{@code *LabelsInline} build the {@link Labels} in the call, as the helpers' Javadoc shows;
 * {@code *LabelsHoisted} reuse a constant, as a caller that keeps its labels in a field does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RecordingBenchmark {

    private static final Labels EVENT_LABELS = Labels.of("status", "success", "type", "batch");
    private static final Labels OPERATION_LABELS = Labels.of("type", "processing");

    private MetricHelpers helpers;
    private Counter plainCounter;
    private Histogram plainHistogram;
    private Gauge plainGauge;
    private double observed = 0.042;

    @Setup
    public void setUp() {
        helpers = Fixtures.bundle().helpers();
        CollectorRegistry registry = new CollectorRegistry();
        plainCounter = Counter.build("plain_events_total", "h").labelNames("status", "type").register(registry);
        plainHistogram = Histogram.build("plain_operation_seconds", "h").labelNames("type")
                .buckets(Buckets.toArray(Buckets.HTTP_DURATION_SECONDS)).register(registry);
        plainGauge = Gauge.build("plain_queue_size", "h").labelNames("type").register(registry);
        // Create the families and series once: steady state is what an application sees per request.
        helpers.incrementCounter("custom_events_total", EVENT_LABELS);
        helpers.observeHistogram("custom_operation_seconds", observed, OPERATION_LABELS);
        helpers.setGauge("custom_queue_size", 1, OPERATION_LABELS);
    }

    // --- labelled counter increment (target <= 50 ns) ---

    @Benchmark
    public void counterBaselineSimpleclient() {
        plainCounter.labels("success", "batch").inc();
    }

    @Benchmark
    public void counterHelpersLabelsHoisted() {
        helpers.incrementCounter("custom_events_total", EVENT_LABELS);
    }

    @Benchmark
    public void counterHelpersLabelsInline() {
        helpers.incrementCounter("custom_events_total", Labels.of("status", "success", "type", "batch"));
    }

    // --- histogram observation (target <= 100 ns) ---

    @Benchmark
    public void histogramBaselineSimpleclient() {
        plainHistogram.labels("processing").observe(observed);
    }

    @Benchmark
    public void histogramHelpersLabelsHoisted() {
        helpers.observeHistogram("custom_operation_seconds", observed, OPERATION_LABELS);
    }

    @Benchmark
    public void histogramHelpersLabelsInline() {
        helpers.observeHistogram("custom_operation_seconds", observed, Labels.of("type", "processing"));
    }

    // --- duration guard: start, close, observe (target <= 150 ns) ---

    @Benchmark
    public void guardBaselineSimpleclient() {
        long start = System.nanoTime();
        plainHistogram.labels("processing").observe((System.nanoTime() - start) / 1e9);
    }

    @Benchmark
    public void guardHelpersLabelsHoisted() {
        try (DurationGuard ignored = helpers.durationGuard("custom_operation_seconds", OPERATION_LABELS)) {
            // the guarded work is empty: only the guard is measured
        }
    }

    @Benchmark
    public void guardHelpersLabelsInline() {
        try (DurationGuard ignored = helpers.durationGuard("custom_operation_seconds", Labels.of("type", "processing"))) {
            // the guarded work is empty: only the guard is measured
        }
    }

    // --- batch of three updates, atomic against scrapes (target <= 300 ns) ---

    @Benchmark
    public void batchBaselineSimpleclient() {
        plainCounter.labels("success", "batch").inc();
        plainHistogram.labels("processing").observe(observed);
        plainGauge.labels("processing").set(10);
    }

    @Benchmark
    public void batchHelpersLabelsHoisted() {
        helpers.batch()
                .incrementCounter("custom_events_total", EVENT_LABELS)
                .observeHistogram("custom_operation_seconds", observed, OPERATION_LABELS)
                .setGauge("custom_queue_size", 10, OPERATION_LABELS)
                .record();
    }

    @Benchmark
    public void batchHelpersLabelsInline() {
        helpers.batch()
                .incrementCounter("custom_events_total", Labels.of("status", "success", "type", "batch"))
                .observeHistogram("custom_operation_seconds", observed, Labels.of("type", "processing"))
                .setGauge("custom_queue_size", 10, Labels.of("type", "processing"))
                .record();
    }
}
