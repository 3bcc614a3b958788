package io.dwprom.system;

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
 * Process and JVM metrics from simpleclient_hotspot, read fresh at every scrape (nothing to update periodically).
 * Always: {@code process_cpu_seconds_total}, {@code process_resident_memory_bytes}, {@code process_open_fds},
 * {@code process_start_time_seconds} (and the other {@code process_*} of {@link StandardExports}; the memory and
 * file descriptor ones only where the OS exposes them, as on Linux). With {@code jvm}: the {@code jvm_*} families.
 */
public final class SystemMetrics {

    private SystemMetrics() {
    }

    public static void register(CollectorRegistry registry, boolean jvm) {
        new StandardExports().register(registry);
        if (jvm) {
            new MemoryPoolsExports().register(registry);
            new MemoryAllocationExports().register(registry);
            new BufferPoolsExports().register(registry);
            new GarbageCollectorExports().register(registry);
            new ThreadExports().register(registry);
            new ClassLoadingExports().register(registry);
            new VersionInfoExports().register(registry);
        }
    }
}
