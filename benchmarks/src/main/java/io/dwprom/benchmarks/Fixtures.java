package io.dwprom.benchmarks;

import com.codahale.metrics.MetricRegistry;
import io.dwprom.bundle.PrometheusFactory;
import io.dwprom.bundle.PrometheusMetrics;
import io.dwprom.http.HttpMetrics;
import io.dwprom.http.InFlightRequest;
import io.prometheus.client.CollectorRegistry;

/** The bundle as an application gets it, and the requests the benchmarks feed it. */
final class Fixtures {

    private Fixtures() {
    }

    static PrometheusMetrics bundle() {
        return PrometheusMetrics.create(new CollectorRegistry(), new MetricRegistry(), new PrometheusFactory());
    }

    /** Records one finished request with a body of {@code requestBytes}, as the HTTP filter does. */
    static void request(HttpMetrics http, String method, String path, String status, long requestBytes) {
        InFlightRequest request = http.start();
        request.addRequestBytes(requestBytes);
        request.finish(method, path, status);
    }
}
