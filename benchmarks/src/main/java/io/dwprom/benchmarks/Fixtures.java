package io.dwprom.benchmarks;

import com.codahale.metrics.MetricRegistry;
import io.dwprom.bundle.PrometheusFactory;
import io.dwprom.internal.Recorders;
import io.dwprom.internal.http.HttpMetrics;
import io.dwprom.internal.http.InFlightRequest;
import io.prometheus.client.CollectorRegistry;

/** The bundle as an application gets it, and the requests the benchmarks feed it. */
final class Fixtures {

    private Fixtures() {
    }

    static Recorders bundle() {
        return Recorders.create(new CollectorRegistry(), new MetricRegistry(), new PrometheusFactory());
    }

    /** Records one finished request with a body of {@code requestBytes}, as the HTTP filter does. */
    static void request(HttpMetrics http, String method, String path, String status, long requestBytes) {
        InFlightRequest request = http.start();
        request.addRequestBytes(requestBytes);
        request.finish(method, path, status);
    }
}
