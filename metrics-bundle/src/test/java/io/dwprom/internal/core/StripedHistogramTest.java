package io.dwprom.internal.core;

import io.prometheus.client.CollectorRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StripedHistogramTest {

    private static final String[] LABELS = {"query_type", "table"};

    private final CollectorRegistry registry = new CollectorRegistry();
    private final StripedHistogram histogram = new StripedHistogram(registry, new CardinalityGuard(registry, 2),
            "db_seconds", "h", List.of(LABELS), new double[]{0.001, 0.01}, 1e9, null);

    @Test
    void observationsInNanosecondsAreExposedInSecondsPerLabelSet() {
        histogram.labels("SELECT", "runs").observe(1_000_000);
        histogram.labels("SELECT", "runs").observe(5_000_000);
        histogram.labels("INSERT", "runs").observe(50_000_000);

        assertThat(sample("db_seconds_bucket", "SELECT", "runs", "0.001")).isEqualTo(1.0);
        assertThat(sample("db_seconds_bucket", "SELECT", "runs", "0.01")).isEqualTo(2.0);
        assertThat(sample("db_seconds_bucket", "INSERT", "runs", "+Inf")).isEqualTo(1.0);
        assertThat(registry.getSampleValue("db_seconds_sum", LABELS, new String[]{"SELECT", "runs"}))
                .isEqualTo(0.006);
        assertThat(registry.getSampleValue("db_seconds_count", LABELS, new String[]{"INSERT", "runs"}))
                .isEqualTo(1.0);
    }

    @Test
    void labelSetsPastTheLimitShareTheOverflowSeriesAndAreCountedAsOverflowed() {
        histogram.labels("SELECT", "a").observe(1);
        histogram.labels("SELECT", "b").observe(1);
        histogram.labels("SELECT", "c").observe(1);
        histogram.labels("SELECT", "d").observe(1);

        String overflow = CardinalityGuard.OVERFLOW;
        assertThat(registry.getSampleValue("db_seconds_count", LABELS, new String[]{overflow, overflow}))
                .isEqualTo(2.0);
        assertThat(registry.getSampleValue("db_seconds_count", LABELS, new String[]{"SELECT", "c"})).isNull();
        assertThat(registry.getSampleValue(CardinalityGuard.FAMILY, new String[]{"family"},
                new String[]{"db_seconds"})).isEqualTo(2.0);
    }

    @Test
    void aWrongNumberOfLabelValuesOrANullValueIsRefusedWithTheFamilyNamed() {
        assertThatThrownBy(() -> histogram.labels("SELECT")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("db_seconds takes 2 label values");
        assertThatThrownBy(() -> histogram.labels("SELECT", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be null");
    }

    private Double sample(String name, String queryType, String table, String le) {
        return registry.getSampleValue(name, new String[]{"query_type", "table", "le"},
                new String[]{queryType, table, le});
    }
}
