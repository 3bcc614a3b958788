package io.dwprom.benchmarks;

import com.codahale.metrics.MetricRegistry;
import io.dwprom.bundle.PrometheusFactory;
import io.dwprom.bundle.PrometheusMetrics;
import io.prometheus.client.CollectorRegistry;

/** The bundle as an application gets it: every recorder over a registry of its own, default configuration. */
final class Fixtures {

    private Fixtures() {
    }

    static PrometheusMetrics bundle() {
        return PrometheusMetrics.create(new CollectorRegistry(), new MetricRegistry(), new PrometheusFactory());
    }
}
