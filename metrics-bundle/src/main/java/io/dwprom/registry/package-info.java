/**
 * An application's own Prometheus families kept in Dropwizard's {@code MetricRegistry}, with real histogram
 * buckets and bounded label values: {@link io.dwprom.registry.RegistryFamilies} defines them, and the bundle's
 * endpoint exports them in place of the generic bridge.
 */
package io.dwprom.registry;
