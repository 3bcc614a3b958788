package io.dwprom.registry;

import io.prometheus.client.Collector.MetricFamilySamples;

/** A Prometheus family whose values live in Dropwizard metrics of a {@code MetricRegistry}. */
@FunctionalInterface
interface RegistryFamily {

    /** Reads the current values; called at every scrape. */
    MetricFamilySamples collect();
}
