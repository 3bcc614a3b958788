package io.dwprom.internal.core;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides whether a repeated failure should be logged now: at most once per interval per key, so a fault on a hot
 * path or on every scrape cannot flood the log. Lock-free; never throws.
 */
public final class RateLimitedLog {

    private final long intervalNanos;
    private final ConcurrentMap<String, AtomicLong> lastLogged = new ConcurrentHashMap<>();

    public RateLimitedLog(long interval, TimeUnit unit) {
        this.intervalNanos = unit.toNanos(interval);
    }

    /** True for the first call per {@code key}, then at most once per interval. */
    public boolean shouldLog(String key) {
        long now = System.nanoTime();
        AtomicLong last = lastLogged.computeIfAbsent(key, k -> new AtomicLong(now - intervalNanos));
        long previous = last.get();
        return now - previous >= intervalNanos && last.compareAndSet(previous, now);
    }
}
