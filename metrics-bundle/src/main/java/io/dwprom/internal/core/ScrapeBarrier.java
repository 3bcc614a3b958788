package io.dwprom.internal.core;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Makes batches of updates atomic with respect to scrapes: any number of batches apply at once, while a scrape
 * collects alone, so a scrape sees each batch wholly or not at all. Single recordings on the request path never
 * touch it.
 *
 * <p>Biased towards batches, which are frequent, against scrapes, which come every few seconds: a batch counts
 * itself in and out of one of several padded counters chosen by its thread, so concurrent batches on different
 * threads do not write a shared word (a {@code ReentrantReadWriteLock} read side costs ~4x more on two threads).
 * A scrape raises a flag, then waits until every counter is back to zero; a batch that sees the flag steps out
 * and waits for the scrape to end. A batch started inside a collection (a collector recording a batch) runs at
 * once, as the collection is already alone.
 */
public final class ScrapeBarrier {

    /** Longs per counter: 128 bytes, so two counters never share a cache line (nor an adjacent-line prefetch). */
    private static final int PADDING = 16;
    private static final int SPINS_BEFORE_PARKING = 256;

    private final int stripeMask;
    private final AtomicLongArray batchesInProgress;
    private final ReentrantLock scrape = new ReentrantLock();
    private volatile boolean scrapeWaiting;

    public ScrapeBarrier() {
        this(Runtime.getRuntime().availableProcessors() * 4);
    }

    ScrapeBarrier(int minimumStripes) {
        int stripes = ThreadStripes.powerOfTwoAtLeast(minimumStripes);
        this.stripeMask = stripes - 1;
        this.batchesInProgress = new AtomicLongArray(stripes * PADDING);
    }

    /** Runs a batch of updates; concurrent batches do not wait for each other, only for a scrape. */
    public void applyBatch(Runnable updates) {
        int counter = counterOfCurrentThread();
        while (true) {
            batchesInProgress.getAndIncrement(counter);
            if (!scrapeWaiting) {
                break;
            }
            batchesInProgress.getAndDecrement(counter);
            if (scrape.isHeldByCurrentThread()) {
                updates.run();
                return;
            }
            awaitScrapeEnd();
        }
        try {
            updates.run();
        } finally {
            batchesInProgress.getAndDecrement(counter);
        }
    }

    /** Collects a scrape while no batch is half applied. */
    public <T> T collect(Supplier<T> collection) {
        scrape.lock();
        try {
            scrapeWaiting = true;
            awaitBatchesDrained();
            return collection.get();
        } finally {
            scrapeWaiting = false;
            scrape.unlock();
        }
    }

    private int counterOfCurrentThread() {
        return ThreadStripes.ofCurrentThread(stripeMask) * PADDING;
    }

    /** Blocks while a scrape holds the lock: it raises its flag only while holding it. */
    private void awaitScrapeEnd() {
        scrape.lock();
        scrape.unlock();
    }

    private void awaitBatchesDrained() {
        for (int spins = 0; !allCountersZero(); spins++) {
            if (spins < SPINS_BEFORE_PARKING) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(10_000);
            }
        }
    }

    private boolean allCountersZero() {
        for (int i = 0; i < batchesInProgress.length(); i += PADDING) {
            if (batchesInProgress.get(i) != 0) {
                return false;
            }
        }
        return true;
    }
}
