package io.dwprom.internal.health;

import com.codahale.metrics.health.HealthCheck;
import com.codahale.metrics.health.HealthCheckRegistry;
import io.dwprom.internal.core.RateLimitedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs health checks that Dropwizard does not schedule, for a scrape: each on a thread of {@code executor}, at
 * most one run per check at a time, a result reused for {@code cacheFor}. A scrape waits for all of them together
 * at most {@code timeout}; a check still running then, one that took longer than the timeout, or one that threw
 * counts as unhealthy. A check that hangs for ever so costs each scrape at most the timeout, and one thread.
 */
final class TimeBoundChecks {

    private static final Logger LOG = LoggerFactory.getLogger(TimeBoundChecks.class);

    private final Executor executor;
    private final long timeoutNanos;
    private final long cacheNanos;
    private final Duration timeout;
    private final ConcurrentMap<String, CachedCheck> checks = new ConcurrentHashMap<>();
    private final RateLimitedLog timeoutLog = new RateLimitedLog(10, TimeUnit.MINUTES);

    TimeBoundChecks(Executor executor, Duration timeout, Duration cacheFor) {
        this.executor = executor;
        this.timeout = timeout;
        this.timeoutNanos = timeout.toNanos();
        this.cacheNanos = cacheFor.toNanos();
    }

    /** The result of each check of {@code registry} named in {@code names} (names no longer registered are left out). */
    Map<String, CheckResult> results(HealthCheckRegistry registry, Collection<String> names) {
        long now = System.nanoTime();
        long deadline = now + timeoutNanos;
        checks.keySet().retainAll(names);
        Map<String, CompletableFuture<Boolean>> pending = new LinkedHashMap<>();
        for (String name : names) {
            HealthCheck check = registry.getHealthCheck(name);
            if (check != null) {
                pending.put(name, checks.computeIfAbsent(name, CachedCheck::new).result(check, now));
            }
        }
        Map<String, CheckResult> results = new LinkedHashMap<>();
        pending.forEach((name, result) -> results.put(name, new CheckResult(name, await(name, result, deadline), true)));
        return results;
    }

    private boolean await(String name, CompletableFuture<Boolean> result, long deadline) {
        try {
            return result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            CachedCheck check = checks.get(name);
            if (check != null) {
                check.timedOut(System.nanoTime());
            }
            if (timeoutLog.shouldLog(name)) {
                LOG.warn("Health check '{}' gave no result within {} ms (prometheus.health.timeout): reported "
                        + "unhealthy", name, timeout.toMillis());
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }

    /** One check's last outcome and its run in progress, if any. */
    private final class CachedCheck {

        private final String name;
        private final AtomicReference<CompletableFuture<Boolean>> running = new AtomicReference<>();
        private volatile Outcome last;

        CachedCheck(String name) {
            this.name = name;
        }

        CompletableFuture<Boolean> result(HealthCheck check, long now) {
            Outcome cached = last;
            if (cached != null && now - cached.atNanos() < cacheNanos) {
                return CompletableFuture.completedFuture(cached.healthy());
            }
            while (true) {
                CompletableFuture<Boolean> current = running.get();
                if (current != null) {
                    return current;
                }
                CompletableFuture<Boolean> mine = new CompletableFuture<>();
                if (running.compareAndSet(null, mine)) {
                    start(check, mine);
                    return mine;
                }
            }
        }

        /** A scrape gave up waiting: later scrapes within {@code cacheFor} report unhealthy without waiting. */
        void timedOut(long now) {
            if (running.get() != null) {
                last = new Outcome(false, now);
            }
        }

        private void start(HealthCheck check, CompletableFuture<Boolean> result) {
            try {
                executor.execute(() -> finish(result, run(check)));
            } catch (RejectedExecutionException e) { // shutting down
                finish(result, false);
            }
        }

        private boolean run(HealthCheck check) {
            long began = System.nanoTime();
            try {
                boolean healthy = check.execute().isHealthy();
                return healthy && System.nanoTime() - began <= timeoutNanos;
            } catch (Throwable failure) { // a check that fails in any way is unhealthy, and the future must complete
                LOG.debug("Health check '{}' failed", name, failure);
                return false;
            }
        }

        private void finish(CompletableFuture<Boolean> result, boolean healthy) {
            last = new Outcome(healthy, System.nanoTime()); // before running clears, so no scrape sees neither
            running.set(null);
            result.complete(healthy);
        }
    }

    private record Outcome(boolean healthy, long atNanos) {
    }
}
