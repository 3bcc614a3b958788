package io.dwprom.internal.http;

import io.dwprom.internal.core.Buckets;
import io.dwprom.internal.core.CardinalityGuard;
import io.dwprom.internal.core.NativeHistograms;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exemplars.HistogramExemplarSampler;

/** The HTTP families recorded as in their golden test, for tests of other packages. */
public final class HttpMetricsTestAccess {

    private HttpMetricsTestAccess() {
    }

    /** The golden test's two requests: 2 ms and 300 ms; {@code exemplars} may be null. */
    public static HttpMetrics recordPinnedRequests(CollectorRegistry registry, CardinalityGuard guard,
                                                   NativeHistograms natives, HistogramExemplarSampler exemplars) {
        HttpMetrics metrics = new HttpMetrics(registry, guard, Buckets.HTTP_DURATION_SECONDS, Buckets.HTTP_SIZE_BYTES,
                exemplars, natives);
        metrics.start();
        metrics.start();
        metrics.record("GET", "/experiments/{id}", "200", 2_000_000, 0, 512);
        metrics.record("POST", "/datasets", "201", 300_000_000, 2_000_000, 40);
        return metrics;
    }
}
