package io.dwprom.internal.system;

import io.prometheus.client.CollectorRegistry;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SystemMetricsTest {

    private static final String ALLOCATED = "jvm_memory_pool_allocated_bytes";

    @Test
    void processFamiliesAreAlwaysRegistered() {
        CollectorRegistry registry = new CollectorRegistry();

        SystemMetrics.register(registry, false, false);

        assertThat(familyNames(registry)).contains("process_cpu_seconds", "process_start_time_seconds")
                .noneMatch(name -> name.startsWith("jvm_"));
    }

    @Test
    void theJvmFamiliesLeaveOutTheAllocationCounterUnlessAskedFor() {
        CollectorRegistry registry = new CollectorRegistry();

        SystemMetrics.register(registry, true, false);

        assertThat(familyNames(registry)).contains("jvm_memory_bytes_used", "jvm_gc_collection_seconds",
                "jvm_threads_current", "jvm_classes_currently_loaded").doesNotContain(ALLOCATED);
    }

    @Test
    void theAllocationCounterWhenAskedForCountsWhatTheCollectorsFreed() throws InterruptedException {
        CollectorRegistry registry = new CollectorRegistry();

        SystemMetrics.register(registry, false, true);

        assertThat(familyNames(registry)).contains(ALLOCATED);
        assertThat(allocatedBytesAfterCollections(registry)).isPositive();
    }

    /** The counter grows when a collector's notification arrives, on the JVM's own thread after the collection. */
    private static double allocatedBytesAfterCollections(CollectorRegistry registry) throws InterruptedException {
        double allocated = 0;
        for (int attempt = 0; attempt < 50 && allocated == 0; attempt++) {
            byte[][] garbage = new byte[64][];
            for (int i = 0; i < garbage.length; i++) {
                garbage[i] = new byte[64 * 1024];
            }
            System.gc();
            Thread.sleep(100);
            allocated = allocatedBytes(registry);
        }
        return allocated;
    }

    private static double allocatedBytes(CollectorRegistry registry) {
        return Collections.list(registry.filteredMetricFamilySamples(Set.of(ALLOCATED + "_total"))).stream()
                .flatMap(family -> family.samples.stream()).mapToDouble(sample -> sample.value).sum();
    }

    private static List<String> familyNames(CollectorRegistry registry) {
        return Collections.list(registry.metricFamilySamples()).stream().map(family -> family.name).toList();
    }
}
