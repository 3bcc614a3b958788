package io.dwprom.internal.db;

import io.dwprom.internal.core.Buckets;
import io.dwprom.internal.core.CardinalityGuard;
import io.dwprom.internal.exemplars.Exemplars;
import io.dwprom.testapp.Golden;
import io.dwprom.testapp.SampledSpan;
import io.opentelemetry.context.Scope;
import io.prometheus.client.CollectorRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseExpositionGoldenTest {

    @Test
    void theDatabaseFamiliesRenderExactlyAsPinned() {
        CollectorRegistry registry = new CollectorRegistry();
        DatabaseMetrics metrics = new DatabaseMetrics(registry, new CardinalityGuard(registry, 100), Buckets.DB_QUERY_SECONDS);
        recordPinnedStatements(metrics);

        Golden.assertExpositionMatches(registry, "db.txt");
    }

    @Test
    void exemplarsRecordedUnderASampledSpanLeaveTheTextFormatExactlyAsPinned() {
        CollectorRegistry registry = new CollectorRegistry();
        DatabaseMetrics metrics = new DatabaseMetrics(registry, new CardinalityGuard(registry, 100), Buckets.DB_QUERY_SECONDS,
                Exemplars.sampler(true).orElseThrow());
        try (Scope ignored = SampledSpan.makeCurrent()) {
            recordPinnedStatements(metrics);
        }

        Golden.assertExpositionMatches(registry, "db.txt");
        assertThat(Golden.openMetrics(registry)).contains(SampledSpan.TRACE_ID);
    }

    private static void recordPinnedStatements(DatabaseMetrics metrics) {
        metrics.recordQuery("select", "experiments", Duration.ofNanos(700_000));
        metrics.recordQuery("insert", "runs", Duration.ofMillis(20));
        metrics.recordQueryError("insert", "integrity_constraint_violation");
        metrics.recordConnectionError();
        metrics.setActiveConnections(1);
        metrics.trackPool(() -> 2);
    }
}
