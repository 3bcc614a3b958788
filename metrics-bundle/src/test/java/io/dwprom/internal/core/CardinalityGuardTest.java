package io.dwprom.internal.core;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import org.junit.jupiter.api.Test;

import java.util.Collections;

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
}
