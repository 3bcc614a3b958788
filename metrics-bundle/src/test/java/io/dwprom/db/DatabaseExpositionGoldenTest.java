package io.dwprom.db;

import io.dwprom.core.Buckets;
import io.dwprom.core.CardinalityGuard;
import io.dwprom.testapp.Golden;
import io.prometheus.client.CollectorRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;

class DatabaseExpositionGoldenTest {

    @Test
    void theDatabaseFamiliesRenderExactlyAsPinned() {
        CollectorRegistry registry = new CollectorRegistry();
        DatabaseMetrics metrics = new DatabaseMetrics(registry, new CardinalityGuard(registry, 100), Buckets.DB_QUERY_SECONDS);
        metrics.recordQuery("select", "experiments", Duration.ofNanos(700_000));
        metrics.recordQuery("insert", "runs", Duration.ofMillis(20));
        metrics.recordQueryError("insert", "integrity_constraint_violation");
        metrics.recordConnectionError();
        metrics.setActiveConnections(1);
        metrics.trackPool(() -> 2);

        Golden.assertExpositionMatches(registry, "db.txt");
    }
}
