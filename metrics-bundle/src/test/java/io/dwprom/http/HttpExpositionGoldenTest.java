package io.dwprom.http;

import io.dwprom.core.Buckets;
import io.dwprom.core.CardinalityGuard;
import io.dwprom.testapp.Golden;
import io.prometheus.client.CollectorRegistry;
import org.junit.jupiter.api.Test;

class HttpExpositionGoldenTest {

    @Test
    void theHttpFamiliesRenderExactlyAsPinned() {
        CollectorRegistry registry = new CollectorRegistry();
        HttpMetrics metrics = new HttpMetrics(registry, new CardinalityGuard(registry, 100), Buckets.HTTP_DURATION_SECONDS, Buckets.HTTP_SIZE_BYTES);
        metrics.start();
        metrics.start();
        metrics.record("GET", "/experiments/{id}", "200", 2_000_000, 0, 512);
        metrics.record("POST", "/datasets", "201", 300_000_000, 2_000_000, 40);

        Golden.assertExpositionMatches(registry, "http.txt");
    }
}
