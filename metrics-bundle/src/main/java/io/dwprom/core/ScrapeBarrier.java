package io.dwprom.core;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Makes batches of updates atomic with respect to scrapes: any number of batches apply at once (shared side),
 * while a scrape collects alone (exclusive side), so a scrape sees each batch wholly or not at all. Single
 * recordings on the request path never touch it.
 */
public final class ScrapeBarrier {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    /** Runs a batch of updates; concurrent batches do not wait for each other, only for a scrape. */
    public void applyBatch(Runnable updates) {
        lock.readLock().lock();
        try {
            updates.run();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Collects a scrape while no batch is half applied. */
    public <T> T collect(Supplier<T> collection) {
        lock.writeLock().lock();
        try {
            return collection.get();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
