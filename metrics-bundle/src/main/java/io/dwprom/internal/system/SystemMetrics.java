package io.dwprom.internal.system;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.hotspot.BufferPoolsExports;
import io.prometheus.client.hotspot.ClassLoadingExports;
import io.prometheus.client.hotspot.GarbageCollectorExports;
import io.prometheus.client.hotspot.MemoryAllocationExports;
import io.prometheus.client.hotspot.MemoryPoolsExports;
import io.prometheus.client.hotspot.StandardExports;
import io.prometheus.client.hotspot.ThreadExports;
import io.prometheus.client.hotspot.VersionInfoExports;

/**
 * Process and JVM metrics from simpleclient_hotspot.
 * Always: {@code process_cpu_seconds_total}, {@code process_resident_memory_bytes}, {@code process_open_fds},
 * {@code process_start_time_seconds} (and the other {@code process_*} of {@link StandardExports}; the memory and
 * file descriptor ones only where the OS exposes them, as on Linux). With {@code jvm}: the {@code jvm_*} families,
 * read fresh at every scrape. With {@code allocation}: {@code jvm_memory_pool_allocated_bytes_total}, which is not
 * read at a scrape but counted by a listener on every garbage collector: after each collection the JVM builds the
 * collection's details and runs the listener, on the cores the requests need right then. On a saturated 2-core
 * machine that raised the p99 latency by several percent (BENCHMARKS.md, design facts), hence opt-in.
 */
public final class SystemMetrics {

    private SystemMetrics() {
    }

    /** Registers the process families, and the JVM and allocation families as asked, in {@code registry}. */
    public static void register(CollectorRegistry registry, boolean jvm, boolean allocation) {
        new StandardExports().register(registry);
        if (jvm) {
            new MemoryPoolsExports().register(registry);
            new BufferPoolsExports().register(registry);
            new GarbageCollectorExports().register(registry);
            new ThreadExports().register(registry);
            new ClassLoadingExports().register(registry);
            new VersionInfoExports().register(registry);
        }
        if (allocation) {
            new MemoryAllocationExports().register(registry);
        }
    }
}
