package io.dwprom.bundle;

import io.dropwizard.core.Configuration;
import io.dropwizard.core.ConfiguredBundle;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.PooledDataSourceFactory;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dwprom.internal.Recorders;
import io.dwprom.internal.db.JdbcInstrumentation;
import io.dwprom.internal.exposition.PrometheusServlet;
import io.dwprom.internal.http.ExcludedPaths;
import io.dwprom.internal.http.HttpMetricsFilter;
import io.dwprom.internal.http.JerseyRouteListener;
import io.dwprom.internal.http.ServletMarker;
import io.dwprom.metrics.MetricHelpers;
import io.dwprom.metrics.MetricsException;
import io.dwprom.push.CommandPush;
import io.dwprom.registry.RegistryFamilies;
import io.prometheus.client.CollectorRegistry;
import jakarta.servlet.DispatcherType;
import org.glassfish.jersey.internal.inject.AbstractBinder;

import java.util.EnumSet;
import java.util.Optional;

/**
 * Prometheus metrics for a Dropwizard application, in one line of {@code Application.initialize}:
 *
 * <pre>{@code
 * private final PrometheusBundle<MyConfiguration> prometheus = new PrometheusBundle<>(MyConfiguration::getPrometheus);
 *
 * public void initialize(Bootstrap<MyConfiguration> bootstrap) {
 *     bootstrap.addBundle(prometheus);
 * }
 *
 * public void run(MyConfiguration config, Environment environment) {
 *     Jdbi jdbi = prometheus.jdbiFactory().build(environment, config.getDatabase(), "db");
 * }
 * }</pre>
 *
 * When enabled, it registers the HTTP request filter at the head of the application context's filter chain (with
 * the servlet marker and Jersey listener that name each request's route), the recorders for injection, the health
 * gauges and the endpoint on the admin connector; {@link #jdbiFactory()} instruments Jdbi instances,
 * {@link #dataSourceFactory(PooledDataSourceFactory)} the data sources of any other JDBC client (Hibernate, plain
 * JDBC), and {@link #commandPush(String)} pushes a command's metrics when it ends.
 */
public class PrometheusBundle<T extends Configuration> implements ConfiguredBundle<T> {

    private final PrometheusConfiguration<T> configuration;
    private Recorders recorders;
    private PrometheusMetrics metrics;
    private PrometheusFactory config;
    private boolean enabled;
    /** Whether an application added this bundle, so that it will run. */
    private volatile boolean added;

    public PrometheusBundle(PrometheusConfiguration<T> configuration) {
        this.configuration = configuration;
    }

    @Override
    public void initialize(Bootstrap<?> bootstrap) {
        added = true;
    }

    @Override
    public void run(T appConfiguration, Environment environment) {
        config = configuration.getPrometheusFactory(appConfiguration);
        enabled = config.isEnabled();
        try {
            recorders = enabled
                    ? Recorders.create(new CollectorRegistry(), environment.metrics(), config)
                    : Recorders.detached(config);
        } catch (RuntimeException failure) {
            throw new MetricsException(MetricsException.Kind.INSTALLATION_FAILED,
                    "Could not set up the Prometheus metrics: " + failure.getMessage(), failure);
        }
        metrics = new PrometheusMetrics(recorders);
        environment.jersey().register(new RecorderBinder(metrics));
        if (enabled) {
            registerHttpMetrics(environment);
            environment.admin().addServlet("prometheus",
                            new PrometheusServlet(recorders.registry(), recorders.scrapeBarrier(), config.getAccess().build(),
                                    config.isCreatedSeries(), recorders.nativeHistograms()))
                    .addMapping(config.getPath());
            if (config.getHealth().isEnabled()) {
                config.getHealth().register(recorders.registry(), appConfiguration, environment);
            }
        }
    }

    /**
     * Bundles run before the application's {@code run} and before Dropwizard builds the server, which appends its
     * allowed-methods filter. Jetty puts a mapping added with {@code isMatchAfter=false} in front of the chain, so the
     * filter precedes every filter mapped before it and every one appended later: it sees each request of the
     * application context, also those a later filter refuses. A filter the application maps later with
     * {@code isMatchAfter=false} goes ahead of it (the place for a tracing filter whose span it should see).
     */
    private void registerHttpMetrics(Environment environment) {
        environment.servlets()
                .addFilter("prometheus-http", new HttpMetricsFilter(recorders.http(),
                        new ExcludedPaths(config.getExcludedPaths()), recorders.recordingErrors()))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        environment.getApplicationContext().addBean(new ServletMarker(recorders.recordingErrors()));
        environment.jersey().register(new JerseyRouteListener(recorders.http(), recorders.recordingErrors()));
    }

    /**
     * The push of this application's metrics for the {@code EnvironmentCommand} named {@code command}, as
     * {@code prometheus.push} configures it (nothing is pushed when it or the bundle is disabled).
     *
     * @throws MetricsException of kind {@code NOT_INITIALISED} before the bundle has run (a plain
     *                          {@code ConfiguredCommand} runs no bundle: use {@link CommandPush#create} there)
     */
    public CommandPush commandPush(String command) {
        PushFactory push = enabled ? config.getPush() : new PushFactory();
        return CommandPush.create(command, push, metrics().registry());
    }

    /**
     * The recorders of this application.
     *
     * @throws MetricsException of kind {@code NOT_INITIALISED} before the bundle has run
     */
    public PrometheusMetrics metrics() {
        if (metrics == null) {
            throw new MetricsException(MetricsException.Kind.NOT_INITIALISED,
                    "The Prometheus bundle has not run yet: call metrics() from Application.run, not initialize");
        }
        return metrics;
    }

    /**
     * {@code factory}, whose data sources time every SQL statement of any JDBC client (Hibernate, jOOQ, Spring's
     * JdbcTemplate, plain JDBC) into the database families, count failures to connect, and add their pool's active
     * connections to the connections gauge. It may be called before this bundle has run (a {@code HibernateBundle}
     * added first builds its data source in its own {@code run}): the data sources find the metrics when they start
     * or open their first connection.
     *
     * <pre>{@code
     * public PooledDataSourceFactory getDataSourceFactory(MyConfiguration c) {      // in a HibernateBundle
     *     return prometheus.dataSourceFactory(c.getDataSourceFactory());
     * }
     * ManagedDataSource ds = prometheus.dataSourceFactory(config.getDatabase()).build(environment.metrics(), "db");
     * }</pre>
     *
     * @return {@code factory} itself when this bundle has run disabled; otherwise a factory delegating to it
     * @throws MetricsException of kind {@code NOT_INITIALISED}, from the data source's start or first connection,
     *                          when this bundle was never added to the application
     */
    public PooledDataSourceFactory dataSourceFactory(PooledDataSourceFactory factory) {
        if (config != null && !enabled) {
            return factory;
        }
        return JdbcInstrumentation.instrument(factory, this::jdbcInstrumentation);
    }

    /**
     * The instrumentation of this bundle's data sources: null while the bundle is added but has not run yet (a
     * bundle added before it may connect in its own {@code run}: those connections are not timed), empty when
     * disabled.
     */
    private Optional<JdbcInstrumentation> jdbcInstrumentation() {
        if (config == null) {
            if (added) {
                return null;
            }
            throw new MetricsException(MetricsException.Kind.NOT_INITIALISED, "A data source from "
                    + "PrometheusBundle.dataSourceFactory(...) was used, but the Prometheus bundle never ran: add it "
                    + "with bootstrap.addBundle(...) in Application.initialize");
        }
        return enabled ? Optional.of(metrics().recorders().jdbcInstrumentation()) : Optional.empty();
    }

    /** A {@link JdbiFactory} to use in place of {@code new JdbiFactory()}; instrumented when enabled. */
    public JdbiFactory jdbiFactory() {
        return enabled ? metrics().jdbiFactory() : new JdbiFactory();
    }

    /** Makes the recorders injectable into Jersey resources. */
    private static final class RecorderBinder extends AbstractBinder {

        private final PrometheusMetrics metrics;

        RecorderBinder(PrometheusMetrics metrics) {
            this.metrics = metrics;
        }

        @Override
        protected void configure() {
            bind(metrics).to(PrometheusMetrics.class);
            bind(metrics.registryFamilies()).to(RegistryFamilies.class);
            bind(metrics.helpers()).to(MetricHelpers.class);
        }
    }
}
