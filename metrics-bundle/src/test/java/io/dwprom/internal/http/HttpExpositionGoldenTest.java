package io.dwprom.internal.http;

import io.dwprom.internal.core.Buckets;
import io.dwprom.internal.core.CardinalityGuard;
import io.dwprom.internal.exemplars.Exemplars;
import io.dwprom.testapp.Golden;
import io.dwprom.testapp.SampledSpan;
import io.opentelemetry.context.Scope;
import io.prometheus.client.CollectorRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HttpExpositionGoldenTest {

    @Test
    void theHttpFamiliesRenderExactlyAsPinned() {
        CollectorRegistry registry = new CollectorRegistry();
        HttpMetrics metrics = new HttpMetrics(registry, new CardinalityGuard(registry, 100), Buckets.HTTP_DURATION_SECONDS, Buckets.HTTP_SIZE_BYTES);
        recordPinnedRequests(metrics);

        Golden.assertExpositionMatches(registry, "http.txt");
    }

    @Test
    void exemplarsRecordedUnderASampledSpanLeaveTheTextFormatExactlyAsPinned() {
        CollectorRegistry registry = new CollectorRegistry();
        HttpMetrics metrics = new HttpMetrics(registry, new CardinalityGuard(registry, 100), Buckets.HTTP_DURATION_SECONDS,
                Buckets.HTTP_SIZE_BYTES, Exemplars.sampler(true).orElseThrow());
        try (Scope ignored = SampledSpan.makeCurrent()) {
            recordPinnedRequests(metrics);
        }

        Golden.assertExpositionMatches(registry, "http.txt");
        assertThat(Golden.openMetrics(registry)).contains(SampledSpan.TRACE_ID);
    }

    private static void recordPinnedRequests(HttpMetrics metrics) {
        metrics.start();
        metrics.start();
        metrics.record("GET", "/experiments/{id}", "200", 2_000_000, 0, 512);
        metrics.record("POST", "/datasets", "201", 300_000_000, 2_000_000, 40);
    }
}
