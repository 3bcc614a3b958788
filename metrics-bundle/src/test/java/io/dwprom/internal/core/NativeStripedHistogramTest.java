package io.dwprom.internal.core;

import io.prometheus.client.CollectorRegistry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

class NativeStripedHistogramTest {

    private static final NativeHistogramSettings SETTINGS = new NativeHistogramSettings(3, 160, 0x1p-128);

    private final CollectorRegistry registry = new CollectorRegistry();
    private final NativeHistograms natives = NativeHistograms.enabled(SETTINGS);
    private final CardinalityGuard guard = new CardinalityGuard(registry, 10);
    private final StripedHistogram histogram = new StripedHistogram(registry, guard,
            "db_seconds", "h", List.of("table"), new double[]{0.001, 0.01}, 1e9, null, natives);

    @Test
    void theNativeBucketsHoldTheSameObservationsAsTheClassicOnes() {
        long[] nanos = {0, 1_000, 700_000, 1_000_000, 5_000_000, 2_000_000_000L};
        for (long each : nanos) {
            histogram.labels("runs").observe(each);
        }

        NativeSeries series = histogram.nativeSeries().get(0);
        assertThat(series.buckets().total()).isEqualTo(nanos.length);
        assertThat(series.bucketCounts()).containsExactly(4, 1, 1);
        assertThat(series.sum()).isEqualTo(registry.getSampleValue("db_seconds_sum", new String[]{"table"},
                new String[]{"runs"}));
        assertThat(series.buckets().zeroCount()).isEqualTo(1);
        // 1 µs to 2 s spans 168 buckets of schema 3, more than 160: the series went down to schema 2
        assertThat(series.buckets().schema()).isEqualTo(2);
        assertThat(series.buckets().indexes()).containsExactly(NativeBucketIndex.of(1e-6, 2),
                NativeBucketIndex.of(7e-4, 2), NativeBucketIndex.of(0.001, 2), NativeBucketIndex.of(0.005, 2),
                NativeBucketIndex.of(2, 2));
    }

    @Test
    void theFamilyIsKnownToTheProtobufFormatOnlyWhenEnabled() {
        assertThat(natives.families()).containsExactly(histogram);
        new StripedHistogram(registry, guard, "other_seconds", "h", List.of(),
                new double[]{1}, 1e9, null);
        assertThat(natives.families()).containsExactly(histogram);
    }

    @Test
    void aSeriesReadDuringConcurrentRecordingHoldsTheSameObservationsInBothKindsOfBuckets() throws Exception {
        // one latency per classic bucket, each in a native bucket of its own
        long[] nanos = {500_000, 5_000_000, 500_000_000};
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            Thread writer = new Thread(() -> {
                for (int i = 0; i < 200_000; i++) {
                    histogram.labels("runs").observe(nanos[ThreadLocalRandom.current().nextInt(nanos.length)]);
                }
            });
            writer.start();
            writers.add(writer);
        }
        int consistent = 0;
        while (writers.stream().anyMatch(Thread::isAlive)) {
            for (NativeSeries series : histogram.nativeSeries()) {
                if (series.buckets() != null) {
                    assertThat(nativeCounts(series, nanos)).containsExactly(series.bucketCounts());
                    consistent++;
                }
            }
        }
        for (Thread writer : writers) {
            writer.join();
        }
        NativeSeries last = histogram.nativeSeries().get(0);
        assertThat(last.buckets().total()).isEqualTo(600_000).isEqualTo(sumOf(last.bucketCounts()));
        assertThat(nativeCounts(last, nanos)).containsExactly(last.bucketCounts());
        assertThat(consistent).isPositive();
    }

    /** The count of the native bucket of each of {@code nanos}, in seconds. */
    private static long[] nativeCounts(NativeSeries series, long[] nanos) {
        long[] counts = new long[nanos.length];
        NativeBuckets.Snapshot buckets = series.buckets();
        for (int i = 0; i < nanos.length; i++) {
            int index = NativeBucketIndex.of(nanos[i] / 1e9, buckets.schema());
            for (int at = 0; at < buckets.indexes().length; at++) {
                if (buckets.indexes()[at] == index) {
                    counts[i] = buckets.counts()[at];
                }
            }
        }
        return counts;
    }

    private static long sumOf(long[] counts) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }
}
