package io.dwprom.internal.core;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class CardinalityGuardTest {

    private final CollectorRegistry registry = new CollectorRegistry();
    private final CardinalityGuard guard = new CardinalityGuard(registry, 3);
    private final BoundedChildren<Counter.Child> children = new BoundedChildren<>("events_total",
            Counter.build("events_total", "test").labelNames("user", "kind").register(registry), 2, guard);

    @Test
    void labelSetsPastTheLimitFoldIntoOneOverflowSeriesAndAreCounted() {
        for (int user = 0; user < 10; user++) {
            children.labels("user-" + user, "click").inc();
        }

        assertThat(registry.getSampleValue("events_total", new String[]{"user", "kind"},
                new String[]{"user-2", "click"})).isEqualTo(1.0);
        assertThat(registry.getSampleValue("events_total", new String[]{"user", "kind"},
                new String[]{"user-3", "click"})).isNull();
        assertThat(registry.getSampleValue("events_total", new String[]{"user", "kind"},
                new String[]{"OVERFLOW", "OVERFLOW"})).isEqualTo(7.0);
        assertThat(registry.getSampleValue(CardinalityGuard.FAMILY, new String[]{"family"},
                new String[]{"events_total"})).isEqualTo(7.0);
    }

    @Test
    void knownLabelSetsKeepTheirOwnSeriesAfterTheLimit() {
        for (int user = 0; user < 5; user++) {
            children.labels("user-" + user, "click").inc();
        }
        children.labels("user-0", "click").inc();

        assertThat(registry.getSampleValue("events_total", new String[]{"user", "kind"},
                new String[]{"user-0", "click"})).isEqualTo(2.0);
    }

    @Test
    void aMillionDistinctLabelSetsKeepTheFamilyAtItsLimit() {
        for (int i = 0; i < 1_000_000; i++) {
            children.labels("user-" + i, "k").inc();
        }

        long series = Collections.list(registry.metricFamilySamples()).stream()
                .flatMap(family -> family.samples.stream())
                .filter(sample -> sample.name.equals("events_total")).count();
        assertThat(series).isEqualTo(4); // 3 admitted + OVERFLOW
    }

    @Test
    void sixteenThreadsRacingForNewLabelSetsGetExactlyTheLimit() throws Exception {
        int threads = 16;
        int labelSetsPerThread = 100;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 50; round++) {
                CollectorRegistry raceRegistry = new CollectorRegistry();
                CardinalityGuard limit50 = new CardinalityGuard(raceRegistry, 50);
                BoundedChildren<Counter.Child> raced = new BoundedChildren<>("raced_total",
                        Counter.build("raced_total", "test").labelNames("user").register(raceRegistry), 1, limit50);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < labelSetsPerThread; i++) {
                            raced.labels("user-" + thread + "-" + i).inc();
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> each : done) {
                    each.get(30, TimeUnit.SECONDS);
                }

                List<String> users = Collections.list(raceRegistry.metricFamilySamples()).stream()
                        .filter(family -> family.name.equals("raced"))
                        .flatMap(family -> family.samples.stream())
                        .filter(sample -> sample.name.equals("raced_total"))
                        .map(sample -> sample.labelValues.get(0)).toList();
                assertThat(users).as("round %d", round).hasSize(51).contains("OVERFLOW");
                assertThat(raceRegistry.getSampleValue("raced_total", new String[]{"user"},
                        new String[]{"OVERFLOW"})).isEqualTo(threads * labelSetsPerThread - 50.0);
                assertThat(raceRegistry.getSampleValue(CardinalityGuard.FAMILY, new String[]{"family"},
                        new String[]{"raced_total"})).isEqualTo(threads * labelSetsPerThread - 50.0);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anInvalidLabelSetTakesNoPlaceInTheLimit() {
        for (int i = 0; i < 5; i++) {
            try {
                children.labels(null, "click");
            } catch (IllegalArgumentException expected) {
                // simpleclient refuses null label values
            }
        }
        for (int user = 0; user < 3; user++) {
            children.labels("user-" + user, "click").inc();
        }

        assertThat(registry.getSampleValue("events_total", new String[]{"user", "kind"},
                new String[]{"user-2", "click"})).isEqualTo(1.0);
    }
}
