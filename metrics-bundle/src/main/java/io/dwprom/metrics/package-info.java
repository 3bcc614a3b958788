/**
 * Recording an application's own families by name: {@link io.dwprom.metrics.MetricHelpers} (counters, gauges,
 * histograms, duration guards and all-or-nothing batches), {@link io.dwprom.metrics.Labels}, and
 * {@link io.dwprom.metrics.MetricsException}, the one exception the bundle throws at its users.
 */
package io.dwprom.metrics;
