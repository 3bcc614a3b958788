/**
 * The Dropwizard bundle and its configuration: {@link io.dwprom.bundle.PrometheusBundle} is added in
 * {@code Application.initialize}; {@link io.dwprom.bundle.PrometheusFactory} is the {@code prometheus:} section of
 * {@code config.yml}; {@link io.dwprom.bundle.PrometheusMetrics} is what the application records into.
 */
package io.dwprom.bundle;
