package io.dwprom.internal.core;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

class NativeBucketsTest {

    @Test
    void valuesAreCountedInTheirBucketsAtTheInitialSchema() {
        NativeBuckets buckets = new NativeBuckets(new NativeHistogramSettings(0, 160, 1e-9));
        buckets.observe(1);
        buckets.observe(3);
        buckets.observe(4);
        buckets.observe(0);

        NativeBuckets.Snapshot snapshot = buckets.snapshot();
        assertThat(snapshot.schema()).isZero();
        assertThat(snapshot.zeroCount()).isEqualTo(1);
        assertThat(snapshot.indexes()).containsExactly(0, 2);
        assertThat(snapshot.counts()).containsExactly(1, 2);
        assertThat(snapshot.total()).isEqualTo(4);
    }

    @Test
    void valuesAtOrBelowTheZeroThresholdCountInTheZeroBucket() {
        NativeBuckets buckets = new NativeBuckets(new NativeHistogramSettings(3, 160, 0.001));
        buckets.observe(0.001);
        buckets.observe(0.0005);
        buckets.observe(0.0011);

        assertThat(buckets.snapshot().zeroCount()).isEqualTo(2);
        assertThat(buckets.snapshot().total()).isEqualTo(3);
    }

    @Test
    void aRangeWiderThanTheMaximumHalvesTheResolutionUntilItFitsAndKeepsEveryCount() {
        NativeBuckets buckets = new NativeBuckets(new NativeHistogramSettings(3, 8, 1e-9));
        buckets.observe(1);
        buckets.observe(1.5);
        assertThat(buckets.snapshot().schema()).isEqualTo(3);

        buckets.observe(16); // 2^4: 33 buckets of schema 3 from 1, 5 of schema 0
        NativeBuckets.Snapshot snapshot = buckets.snapshot();

        assertThat(snapshot.schema()).isEqualTo(0);
        assertThat(snapshot.indexes()).containsExactly(0, 1, 4);
        assertThat(snapshot.counts()).containsExactly(1, 1, 1);
        assertThat(snapshot.indexes()[snapshot.indexes().length - 1] - snapshot.indexes()[0]).isLessThan(8);
    }

    @Test
    void aValueOutsideTheWindowMovesItWhenTheObservedRangeStillFits() {
        NativeBuckets buckets = new NativeBuckets(new NativeHistogramSettings(0, 8, 1e-9));
        buckets.observe(1);    // window around bucket 0: -4 .. 3
        buckets.observe(64);   // bucket 6: the range 0 .. 6 fits 8 buckets

        NativeBuckets.Snapshot snapshot = buckets.snapshot();
        assertThat(snapshot.schema()).isZero();
        assertThat(snapshot.indexes()).containsExactly(0, 6);
    }

    @Test
    void theBucketsNeverHoldMoreThanTheMaximumHoweverWideTheValues() {
        NativeBuckets buckets = new NativeBuckets(new NativeHistogramSettings(8, 8, 1e-9));
        for (double value = 1e-9; value < 1e10; value *= 1.01) {
            buckets.observe(value);
        }
        NativeBuckets.Snapshot snapshot = buckets.snapshot();
        assertThat(snapshot.indexes().length).isLessThanOrEqualTo(8);
        assertThat(snapshot.schema()).isEqualTo(NativeBucketIndex.MIN_SCHEMA);
    }

    @Test
    void concurrentObservationsWhileTheResolutionDropsAreAllCountedOnce() throws Exception {
        NativeBuckets buckets = new NativeBuckets(new NativeHistogramSettings(8, 16, 1e-9));
        int threads = 4;
        int perThread = 50_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                await(start);
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < perThread; i++) {
                    buckets.observe(Math.pow(10, random.nextDouble(-6, 3)));
                }
            });
            worker.start();
            workers.add(worker);
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        assertThat(buckets.snapshot().total()).isEqualTo((long) threads * perThread);
        assertThat(buckets.snapshot().schema()).isLessThan(8);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
