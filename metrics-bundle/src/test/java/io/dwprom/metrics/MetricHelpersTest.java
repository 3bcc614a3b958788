package io.dwprom.metrics;

import io.dwprom.internal.core.Buckets;
import io.dwprom.internal.core.CardinalityGuard;
import io.dwprom.internal.core.ScrapeBarrier;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetricHelpersTest {

    private final CollectorRegistry registry = new CollectorRegistry();
    private final MetricHelpers helpers = new MetricHelpers(registry, new ScrapeBarrier(), new CardinalityGuard(registry, 100),
            Buckets.toArray(Buckets.HTTP_DURATION_SECONDS), 500);

    @Test
    void helpersCreateFamiliesOnFirstUseAndRecordIntoThem() {
        helpers.incrementCounter("custom_events_total", Labels.of("status", "success"));
        helpers.incrementCounter("custom_events_total", 2, Labels.of("status", "success"));
        helpers.setGauge("active_connections", 42, Labels.empty());
        helpers.observeDuration("custom_operation_seconds", Duration.ofMillis(50), Labels.of("type", "processing"));

        assertThat(registry.getSampleValue("custom_events_total", new String[]{"status"}, new String[]{"success"}))
                .isEqualTo(3.0);
        assertThat(registry.getSampleValue("active_connections")).isEqualTo(42.0);
        assertThat(registry.getSampleValue("custom_operation_seconds_sum", new String[]{"type"},
                new String[]{"processing"})).isEqualTo(0.05);
    }

    @Test
    void labelsGivenInAnotherOrderAddressTheSameSeries() {
        helpers.incrementCounter("ordered_total", Labels.of("a", "1", "b", "2"));
        helpers.incrementCounter("ordered_total", Labels.of("b", "2", "a", "1"));

        assertThat(registry.getSampleValue("ordered_total", new String[]{"a", "b"}, new String[]{"1", "2"}))
                .isEqualTo(2.0);
    }

    @Test
    void usingANameWithAnotherTypeIsAConflictNamingBothDefinitions() {
        helpers.incrementCounter("jobs_total", Labels.of("status", "ok"));

        assertThatThrownBy(() -> helpers.setGauge("jobs_total", 1, Labels.of("status", "ok")))
                .isInstanceOf(MetricsException.class)
                .hasMessageContaining("'jobs_total' is a COUNTER with labels [status]")
                .hasMessageContaining("as a GAUGE")
                .extracting(e -> ((MetricsException) e).kind())
                .isEqualTo(MetricsException.Kind.CONFLICTING_DEFINITION);
    }

    @Test
    void usingANameWithOtherLabelsIsAConflict() {
        helpers.incrementCounter("jobs_total", Labels.of("status", "ok"));

        assertThatThrownBy(() -> helpers.incrementCounter("jobs_total", Labels.of("queue", "a")))
                .isInstanceOf(MetricsException.class)
                .hasMessageContaining("labels [queue]");
    }

    @Test
    void aNameTakenByAnotherCollectorIsAConflictNotACorruptFamily() {
        Counter.build("http_requests_total", "taken").register(registry);

        assertThatThrownBy(() -> helpers.setGauge("http_requests_total", 1, Labels.empty()))
                .isInstanceOf(MetricsException.class)
                .hasMessageContaining("http_requests_total");
    }

    @Test
    void invalidNamesAreRejectedClearly() {
        assertThatThrownBy(() -> helpers.incrementCounter("bad-name", Labels.empty()))
                .isInstanceOf(MetricsException.class).hasMessageContaining("'bad-name' is not a valid metric name");
        assertThatThrownBy(() -> helpers.incrementCounter("good_total", Labels.of("__reserved", "x")))
                .isInstanceOf(MetricsException.class).hasMessageContaining("'__reserved' is not a valid label name");
    }

    @Test
    void aDurationGuardObservesOnceWhenClosed() {
        DurationGuard guard = helpers.durationGuard("guarded_seconds", Labels.empty());
        guard.close();
        guard.close();

        assertThat(registry.getSampleValue("guarded_seconds_count")).isEqualTo(1.0);
        assertThat(registry.getSampleValue("guarded_seconds_sum")).isGreaterThanOrEqualTo(0.0).isLessThan(5.0);
    }

    @Test
    void aHistogramLabelNamedLeIsAConflictNotASimpleclientError() {
        assertThatThrownBy(() -> helpers.observeHistogram("latency_seconds", 0.1, Labels.of("le", "0.5")))
                .isInstanceOf(MetricsException.class)
                .hasMessageContaining("'latency_seconds' cannot have a label named 'le'")
                .extracting(e -> ((MetricsException) e).kind())
                .isEqualTo(MetricsException.Kind.CONFLICTING_DEFINITION);
    }

    @Test
    void familiesPastTheLimitAreDroppedAndCountedWithoutAnException() {
        CollectorRegistry own = new CollectorRegistry();
        MetricHelpers limited = new MetricHelpers(own, new ScrapeBarrier(), new CardinalityGuard(own, 100),
                Buckets.toArray(Buckets.HTTP_DURATION_SECONDS), 3);

        for (int i = 0; i < 50_000; i++) {
            limited.incrementCounter("user_" + i + "_events_total", Labels.of("kind", "click"));
        }
        limited.observeHistogram("late_seconds", 0.2, Labels.of("route", "/a"));
        limited.setGauge("late_gauge", 1, Labels.empty());
        limited.batch().incrementCounter("late_batch_total", Labels.empty()).setGauge("user_0_gauge", 1,
                Labels.empty()).record();
        limited.incrementCounter("user_0_events_total", Labels.of("kind", "click"));

        long families = Collections.list(own.metricFamilySamples()).stream()
                .filter(family -> family.name.startsWith("user_")).count();
        assertThat(families).isEqualTo(3);
        assertThat(own.getSampleValue("user_0_events_total", new String[]{"kind"}, new String[]{"click"}))
                .isEqualTo(2.0);
        assertThat(own.getSampleValue(MetricHelpers.REFUSED_FAMILIES)).isEqualTo(50_000 - 3 + 4);
        assertThat(own.getSampleValue("late_seconds_count", new String[]{"route"}, new String[]{"/a"})).isNull();
    }

    @Test
    void aMistakeInANameStillFailsPastTheLimit() {
        CollectorRegistry own = new CollectorRegistry();
        MetricHelpers limited = new MetricHelpers(own, new ScrapeBarrier(), new CardinalityGuard(own, 100),
                Buckets.toArray(Buckets.HTTP_DURATION_SECONDS), 1);
        limited.incrementCounter("first_total", Labels.empty());

        assertThatThrownBy(() -> limited.incrementCounter("not a name", Labels.empty()))
                .isInstanceOf(MetricsException.class);
        assertThatThrownBy(() -> limited.observeHistogram("second_seconds", 1, Labels.of("le", "1")))
                .isInstanceOf(MetricsException.class);
    }
}
