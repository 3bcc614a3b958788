package io.dwprom.internal.health;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run health checks for scrapes. At most one run per check is in progress, so the pool grows to
 * at most the number of checks; idle threads end after a minute. Daemon threads: a command that never stops the
 * application's lifecycle still exits.
 */
public final class HealthCheckThreads {

    private HealthCheckThreads() {
    }

    public static ExecutorService create() {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 1, TimeUnit.MINUTES, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, "dwprom-health-check-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
