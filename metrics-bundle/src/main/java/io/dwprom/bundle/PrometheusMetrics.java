package io.dwprom.bundle;

import io.dropwizard.jdbi3.JdbiFactory;
import io.dwprom.internal.Recorders;
import io.dwprom.metrics.MetricHelpers;
import io.dwprom.registry.RegistryFamilies;
import io.prometheus.client.CollectorRegistry;
import org.jdbi.v3.core.spi.JdbiPlugin;

/**
 * What an application records into, from {@link PrometheusBundle#metrics()} in {@code Application.run} or by
 * injection into a Jersey resource ({@code @Inject MetricHelpers}, {@code @Inject RegistryFamilies}). The HTTP and
 * database families need no calls: the bundle records them.
 */
public final class PrometheusMetrics {

    private final Recorders recorders;

    PrometheusMetrics(Recorders recorders) {
        this.recorders = recorders;
    }

    /** The application's own {@link CollectorRegistry}, which the endpoint renders (never the JVM-wide default). */
    public CollectorRegistry registry() {
        return recorders.registry();
    }

    /** Counters, gauges and histograms created on first use, by name and labels. */
    public MetricHelpers helpers() {
        return recorders.helpers();
    }

    /** The application's own families kept in Dropwizard's {@code MetricRegistry}, exported with real buckets. */
    public RegistryFamilies registryFamilies() {
        return recorders.registryFamilies();
    }

    /** A JDBI plugin timing the statements of a Jdbi not built by {@link #jdbiFactory()}. */
    public JdbiPlugin jdbiPlugin() {
        return recorders.jdbiPlugin();
    }

    /** A {@code JdbiFactory} whose Jdbi instances time their statements; see {@link PrometheusBundle#jdbiFactory()}. */
    public JdbiFactory jdbiFactory() {
        return recorders.jdbiFactory();
    }

    Recorders recorders() {
        return recorders;
    }
}
