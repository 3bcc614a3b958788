package io.dwprom.benchmarks;

import io.dwprom.benchmarks.prototype.FastLabels;
import io.dwprom.benchmarks.prototype.FastMetricHelpers;
import io.dwprom.core.Buckets;
import io.dwprom.core.CardinalityGuard;
import io.dwprom.core.DurationGuard;
import io.dwprom.core.ScrapeBarrier;
import io.prometheus.client.CollectorRegistry;
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
 * The benchmarks of {@link RecordingBenchmark} on the PROTOTYPE of the proposed fix (package {@code prototype}:
 * {@code Labels.of} without a TreeMap, {@code names()} not copied per call, batches validated without the global
 * lock). Run both classes in the same command to compare before and after.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RecordingFixBenchmark {

    private static final FastLabels EVENT_LABELS = FastLabels.of("status", "success", "type", "batch");
    private static final FastLabels OPERATION_LABELS = FastLabels.of("type", "processing");

    private FastMetricHelpers helpers;
    private double observed = 0.042;

    @Setup
    public void setUp() {
        CollectorRegistry registry = new CollectorRegistry();
        helpers = new FastMetricHelpers(registry, new ScrapeBarrier(), new CardinalityGuard(registry, 2000),
                Buckets.toArray(Buckets.HTTP_DURATION_SECONDS));
        helpers.incrementCounter("custom_events_total", EVENT_LABELS);
        helpers.observeHistogram("custom_operation_seconds", observed, OPERATION_LABELS);
        helpers.setGauge("custom_queue_size", 1, OPERATION_LABELS);
    }

    @Benchmark
    public void counterHelpersLabelsHoisted() {
        helpers.incrementCounter("custom_events_total", EVENT_LABELS);
    }

    @Benchmark
    public void counterHelpersLabelsInline() {
        helpers.incrementCounter("custom_events_total", FastLabels.of("status", "success", "type", "batch"));
    }

    @Benchmark
    public void histogramHelpersLabelsInline() {
        helpers.observeHistogram("custom_operation_seconds", observed, FastLabels.of("type", "processing"));
    }

    @Benchmark
    public void guardHelpersLabelsInline() {
        try (DurationGuard ignored = helpers.durationGuard("custom_operation_seconds", FastLabels.of("type", "processing"))) {
            // empty guarded work
        }
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
                .incrementCounter("custom_events_total", FastLabels.of("status", "success", "type", "batch"))
                .observeHistogram("custom_operation_seconds", observed, FastLabels.of("type", "processing"))
                .setGauge("custom_queue_size", 10, FastLabels.of("type", "processing"))
                .record();
    }
}
