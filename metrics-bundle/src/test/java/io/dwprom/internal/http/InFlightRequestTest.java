package io.dwprom.internal.http;

import io.dwprom.internal.core.Buckets;
import io.dwprom.internal.core.CardinalityGuard;
import io.prometheus.client.CollectorRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InFlightRequestTest {

    private final CollectorRegistry registry = new CollectorRegistry();
    private final HttpMetrics metrics = new HttpMetrics(registry, new CardinalityGuard(registry, 100), Buckets.HTTP_DURATION_SECONDS, Buckets.HTTP_SIZE_BYTES);

    @Test
    void finishingTwiceRecordsOnceAndTheInFlightGaugeNeverGoesNegative() {
        InFlightRequest request = metrics.start();
        assertThat(inFlight()).isEqualTo(1.0);

        assertThat(request.finish("GET", "/x", "200")).isTrue();
        assertThat(request.finish("GET", "/x", "200")).isFalse();

        assertThat(inFlight()).isEqualTo(0.0);
        assertThat(registry.getSampleValue("http_requests_total",
                new String[]{"method", "path", "status"}, new String[]{"GET", "/x", "200"})).isEqualTo(1.0);
    }

    @Test
    void bodyBytesAccumulateIntoTheSizeHistograms() {
        InFlightRequest request = metrics.start();
        request.addResponseBytes(700);
        request.addResponseBytes(600);
        request.addRequestBytes(2_000_000);
        request.finish("POST", "/upload", "201");

        String[] names = {"method", "path"};
        String[] values = {"POST", "/upload"};
        assertThat(registry.getSampleValue("http_response_size_bytes_sum", names, values)).isEqualTo(1300.0);
        assertThat(registry.getSampleValue("http_request_size_bytes_sum", names, values)).isEqualTo(2_000_000.0);
        assertThat(registry.getSampleValue("http_request_size_bytes_bucket",
                new String[]{"method", "path", "le"}, new String[]{"POST", "/upload", "1000000.0"})).isEqualTo(0.0);
    }

    private double inFlight() {
        return registry.getSampleValue("http_requests_in_flight");
    }
}
