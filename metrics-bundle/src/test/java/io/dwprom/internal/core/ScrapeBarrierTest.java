package io.dwprom.internal.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ScrapeBarrierTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    /** One counter shared by every thread, and the default striping: both must exclude scrapes from batches. */
    @ParameterizedTest
    @ValueSource(ints = {1, 0})
    void noScrapeEverOverlapsABatch(int stripes) throws Exception {
        ScrapeBarrier barrier = stripes == 0 ? new ScrapeBarrier() : new ScrapeBarrier(stripes);
        AtomicInteger batchesInside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> writers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                writers.add(pool.submit(() -> {
                    int batches = 0;
                    while (running.get()) {
                        barrier.applyBatch(() -> {
                            batchesInside.incrementAndGet();
                            busyFor(2_000);
                            batchesInside.decrementAndGet();
                        });
                        batches++;
                    }
                    return batches;
                }));
            }
            assertTimeoutPreemptively(LIMIT, () -> {
                for (int scrape = 0; scrape < 3_000; scrape++) {
                    barrier.collect(() -> {
                        if (batchesInside.get() != 0) {
                            overlaps.incrementAndGet();
                        }
                        busyFor(2_000);
                        if (batchesInside.get() != 0) {
                            overlaps.incrementAndGet();
                        }
                        return null;
                    });
                }
            }, "3,000 scrapes starved by batches");
            running.set(false);
            int batches = 0;
            for (Future<Integer> writer : writers) {
                batches += writer.get(20, TimeUnit.SECONDS);
            }

            assertThat(overlaps).hasValue(0);
            assertThat(batches).as("batches applied while scraping").isGreaterThan(1_000);
        } finally {
            running.set(false);
            pool.shutdownNow();
        }
    }

    @Test
    void batchesOnDifferentThreadsRunAtTheSameTime() {
        ScrapeBarrier barrier = new ScrapeBarrier();
        CyclicBarrier bothInside = new CyclicBarrier(2);
        assertTimeoutPreemptively(LIMIT, () -> {
            Thread other = new Thread(() -> barrier.applyBatch(() -> await(bothInside)));
            other.start();
            barrier.applyBatch(() -> await(bothInside));
            other.join();
        });
    }

    @Test
    void aScrapeWaitsForTheBatchInProgressAndABatchWaitsForTheScrape() throws Exception {
        ScrapeBarrier barrier = new ScrapeBarrier();
        CountDownLatch batchInside = new CountDownLatch(1);
        CountDownLatch releaseBatch = new CountDownLatch(1);
        CountDownLatch scrapeInside = new CountDownLatch(1);
        CountDownLatch releaseScrape = new CountDownLatch(1);
        AtomicBoolean secondBatchApplied = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<?> batch = pool.submit(() -> barrier.applyBatch(() -> {
                batchInside.countDown();
                await(releaseBatch);
            }));
            assertThat(batchInside.await(20, TimeUnit.SECONDS)).isTrue();
            Future<?> scrape = pool.submit(() -> barrier.collect(() -> {
                scrapeInside.countDown();
                await(releaseScrape);
                return null;
            }));
            assertThat(scrapeInside.await(300, TimeUnit.MILLISECONDS)).as("scrape entered during a batch").isFalse();

            releaseBatch.countDown();
            batch.get(20, TimeUnit.SECONDS);
            assertThat(scrapeInside.await(20, TimeUnit.SECONDS)).isTrue();
            Future<?> secondBatch = pool.submit(() -> barrier.applyBatch(() -> secondBatchApplied.set(true)));
            Thread.sleep(300);
            assertThat(secondBatchApplied).as("batch applied during a scrape").isFalse();

            releaseScrape.countDown();
            scrape.get(20, TimeUnit.SECONDS);
            secondBatch.get(20, TimeUnit.SECONDS);
            assertThat(secondBatchApplied).isTrue();
        } finally {
            releaseBatch.countDown();
            releaseScrape.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aBatchRecordedByACollectorDuringTheScrapeRunsAtOnce() {
        ScrapeBarrier barrier = new ScrapeBarrier();
        AtomicBoolean applied = new AtomicBoolean();
        assertTimeoutPreemptively(LIMIT, () -> barrier.collect(() -> {
            barrier.applyBatch(() -> applied.set(true));
            return null;
        }));
        assertThat(applied).isTrue();
    }

    @Test
    void aBatchThatThrowsDoesNotBlockLaterScrapes() {
        ScrapeBarrier barrier = new ScrapeBarrier(1);
        assertThatThrownBy(() -> barrier.applyBatch(() -> {
            throw new IllegalStateException("conflict");
        })).hasMessage("conflict");
        assertTimeoutPreemptively(LIMIT, () -> assertThat(barrier.collect(() -> "scraped")).isEqualTo("scraped"));
    }

    private static void busyFor(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
