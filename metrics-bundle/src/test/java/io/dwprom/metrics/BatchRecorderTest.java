package io.dwprom.metrics;

import io.dwprom.internal.core.Buckets;
import io.dwprom.internal.core.CardinalityGuard;
import io.dwprom.internal.core.ScrapeBarrier;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.CollectorRegistry;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchRecorderTest {

    private final CollectorRegistry registry = new CollectorRegistry();
    private final ScrapeBarrier barrier = new ScrapeBarrier();
    private final MetricHelpers helpers = new MetricHelpers(registry, barrier, new CardinalityGuard(registry, 100),
            Buckets.toArray(Buckets.HTTP_DURATION_SECONDS), 500);

    @Test
    void aValidBatchAppliesEveryUpdate() {
        helpers.batch()
                .incrementCounter("operations_total", Labels.of("type", "batch"))
                .observeHistogram("operation_duration_seconds", 1.5, Labels.empty())
                .setGauge("queue_size", 10, Labels.empty())
                .record();

        assertThat(registry.getSampleValue("operations_total", new String[]{"type"}, new String[]{"batch"}))
                .isEqualTo(1.0);
        assertThat(registry.getSampleValue("operation_duration_seconds_sum")).isEqualTo(1.5);
        assertThat(registry.getSampleValue("queue_size")).isEqualTo(10.0);
    }

    @Test
    void aBatchWithOneConflictingUpdateAppliesNothingAndCreatesNoFamily() {
        helpers.setGauge("queue_size", 3, Labels.empty());

        BatchRecorder batch = helpers.batch()
                .incrementCounter("fresh_total", Labels.empty())
                .setGauge("queue_size", 99, Labels.empty())
                .incrementCounter("queue_size", Labels.empty());

        assertThatThrownBy(batch::record).isInstanceOf(MetricsException.class).hasMessageContaining("queue_size");
        assertThat(registry.getSampleValue("queue_size")).isEqualTo(3.0);
        assertThat(registry.getSampleValue("fresh_total")).isNull();
        helpers.setGauge("fresh_total", 1, Labels.empty()); // the name is free again
    }

    @Test
    void conflictsBetweenUpdatesOfTheSameBatchAreCaught() {
        BatchRecorder batch = helpers.batch()
                .incrementCounter("twice", Labels.empty())
                .incrementCounter("twice", Labels.of("extra", "label"));

        assertThatThrownBy(batch::record).isInstanceOf(MetricsException.class);
        assertThat(registry.getSampleValue("twice_total")).isNull();
    }

    @Test
    void aBatchRecordsOnlyOnce() {
        BatchRecorder batch = helpers.batch().incrementCounter("once_total", Labels.empty());
        batch.record();

        assertThatThrownBy(batch::record).isInstanceOf(IllegalStateException.class);
        assertThat(registry.getSampleValue("once_total")).isEqualTo(1.0);
    }

    @Test
    void aConcurrentScrapeNeverSeesHalfABatch() throws Exception {
        helpers.incrementCounter("left_total", 0, Labels.empty());
        helpers.incrementCounter("right_total", 0, Labels.empty());
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> running = List.of(writers.submit(() -> recordPairs(stop)), writers.submit(() -> recordPairs(stop)));
            int scrapes = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            double last = 0;
            while (System.nanoTime() < deadline || last < 1000) {
                Map<String, Double> values = scrape();
                assertThat(values.get("left_total")).as("scrape %d", scrapes).isEqualTo(values.get("right_total"));
                last = values.get("left_total");
                scrapes++;
            }
            stop.set(true);
            for (Future<?> writer : running) {
                writer.get(10, TimeUnit.SECONDS);
            }
            assertThat(scrapes).isGreaterThan(10);
        } finally {
            stop.set(true);
            writers.shutdownNow();
        }
    }

    private void recordPairs(AtomicBoolean stop) {
        while (!stop.get()) {
            helpers.batch()
                    .incrementCounter("left_total", Labels.empty())
                    .incrementCounter("right_total", Labels.empty())
                    .record();
        }
    }

    private Map<String, Double> scrape() {
        List<MetricFamilySamples> families = barrier.collect(
                () -> Collections.list(registry.metricFamilySamples()));
        Map<String, Double> values = new HashMap<>();
        for (MetricFamilySamples family : families) {
            for (MetricFamilySamples.Sample sample : family.samples) {
                values.put(sample.name, sample.value);
            }
        }
        return values;
    }
}
