package io.dwprom.internal;

import com.codahale.metrics.MetricFilter;
import com.codahale.metrics.MetricRegistry;
import io.dwprom.bundle.BridgeFactory;
import io.dwprom.bundle.BucketsFactory;
import io.dwprom.bundle.NativeHistogramsFactory;
import io.dwprom.bundle.PrometheusFactory;
import io.dwprom.internal.core.Buckets;
import io.dwprom.internal.core.CardinalityGuard;
import io.dwprom.internal.core.NativeHistogramSettings;
import io.dwprom.internal.core.NativeHistograms;
import io.dwprom.internal.core.RecordingErrors;
import io.dwprom.internal.core.ScrapeBarrier;
import io.dwprom.internal.db.DatabaseMetrics;
import io.dwprom.internal.db.JdbcInstrumentation;
import io.dwprom.internal.db.PrometheusJdbiFactory;
import io.dwprom.internal.db.PrometheusJdbiPlugin;
import io.dwprom.internal.db.SqlStatementClassifier;
import io.dwprom.internal.exemplars.Exemplars;
import io.dwprom.internal.exposition.BridgeSampleBuilder;
import io.dwprom.internal.http.HttpMetrics;
import io.dwprom.internal.system.SystemMetrics;
import io.dwprom.metrics.MetricHelpers;
import io.dwprom.registry.RegistryFamilies;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.dropwizard.DropwizardExports;
import io.prometheus.client.exemplars.HistogramExemplarSampler;

import java.util.List;

/**
 * Every recorder of one application, over one {@link CollectorRegistry} of its own (never the JVM-wide default,
 * so several applications can run in one JVM): what the bundle wires into Jersey, the servlet context and the
 * admin endpoint. Applications see the part meant for them through {@code PrometheusMetrics}.
 */
public final class Recorders {

    private static final int MAX_CACHED_SQL_STATEMENTS = 10_000;

    private final CollectorRegistry registry;
    private final ScrapeBarrier barrier;
    private final RecordingErrors recordingErrors;
    private final NativeHistograms natives;
    private final HttpMetrics http;
    private final DatabaseMetrics database;
    private final RegistryFamilies registryFamilies;
    private final MetricHelpers helpers;
    private final PrometheusJdbiPlugin jdbiPlugin;
    private final JdbcInstrumentation jdbc;

    private Recorders(CollectorRegistry registry, MetricRegistry dropwizardRegistry, PrometheusFactory config) {
        BucketsFactory buckets = config.getBuckets();
        this.registry = registry;
        this.barrier = new ScrapeBarrier();
        this.recordingErrors = new RecordingErrors(registry);
        CardinalityGuard guard = new CardinalityGuard(registry, config.getMaxLabelSetsPerFamily());
        HistogramExemplarSampler exemplars = Exemplars.sampler(config.isExemplars()).orElse(null);
        this.natives = natives(config.getNativeHistograms());
        this.http = new HttpMetrics(registry, guard, buckets.getHttpDurationSeconds(), buckets.getHttpSizeBytes(),
                exemplars, natives);
        this.database = new DatabaseMetrics(registry, guard, buckets.getDbQueryDurationSeconds(), exemplars,
                config.getDbActiveConnectionsName(), natives);
        this.registryFamilies = new RegistryFamilies(registry, dropwizardRegistry, natives);
        this.helpers = new MetricHelpers(registry, barrier, guard, Buckets.toArray(Buckets.HTTP_DURATION_SECONDS),
                config.getMaxHelperFamilies());
        // One classifier for JDBI and JDBC: the table limit holds for the application, not per access style.
        SqlStatementClassifier classifier =
                new SqlStatementClassifier(MAX_CACHED_SQL_STATEMENTS, config.getMaxSqlTables());
        this.jdbiPlugin = new PrometheusJdbiPlugin(database, classifier, recordingErrors);
        this.jdbc = new JdbcInstrumentation(database, classifier, recordingErrors);
    }

    /**
     * The recorders of an enabled bundle: every family of the product registered in {@code registry}, including
     * process/JVM metrics and the bridge of {@code dropwizardRegistry}.
     */
    public static Recorders create(CollectorRegistry registry, MetricRegistry dropwizardRegistry,
                                           PrometheusFactory config) {
        Recorders metrics = new Recorders(registry, dropwizardRegistry, config);
        SystemMetrics.register(registry, config.isJvmMetrics(), config.isJvmAllocationMetrics());
        BridgeFactory bridge = config.getBridge();
        if (bridge.isEnabled()) {
            List<String> excluded = List.copyOf(bridge.getExcludedPrefixes());
            RegistryFamilies families = metrics.registryFamilies();
            MetricFilter filter = (name, metric) -> !families.owns(name)
                    && excluded.stream().noneMatch(name::startsWith);
            new DropwizardExports(dropwizardRegistry, filter, new BridgeSampleBuilder(bridge.effectiveMappings()))
                    .register(registry);
        }
        return metrics;
    }

    /** Recorders of a disabled bundle: they accept every call and record into registries nobody reads. */
    public static Recorders detached(PrometheusFactory config) {
        return new Recorders(new CollectorRegistry(), new MetricRegistry(), config);
    }

    private static NativeHistograms natives(NativeHistogramsFactory config) {
        return config.isEnabled()
                ? NativeHistograms.enabled(new NativeHistogramSettings(config.getInitialSchema(),
                        config.getMaxBuckets(), config.getZeroThreshold()))
                : NativeHistograms.disabled();
    }

    public CollectorRegistry registry() {
        return registry;
    }

    /** The families with native buckets, when enabled; the protobuf format reads them. */
    public NativeHistograms nativeHistograms() {
        return natives;
    }

    public ScrapeBarrier scrapeBarrier() {
        return barrier;
    }

    public RecordingErrors recordingErrors() {
        return recordingErrors;
    }

    public HttpMetrics http() {
        return http;
    }

    public DatabaseMetrics database() {
        return database;
    }

    /** The application's own families kept in Dropwizard's {@code MetricRegistry}, exported with real buckets. */
    public RegistryFamilies registryFamilies() {
        return registryFamilies;
    }

    public MetricHelpers helpers() {
        return helpers;
    }

    /** A JDBI plugin recording into {@link #database()}, for a Jdbi not built by {@link #jdbiFactory()}. */
    public PrometheusJdbiPlugin jdbiPlugin() {
        return jdbiPlugin;
    }

    /** The statement timing of data sources built by {@code PrometheusBundle#dataSourceFactory}. */
    public JdbcInstrumentation jdbcInstrumentation() {
        return jdbc;
    }

    /** A {@code JdbiFactory} whose Jdbi instances record into {@link #database()}. */
    public PrometheusJdbiFactory jdbiFactory() {
        return new PrometheusJdbiFactory(database, jdbiPlugin);
    }
}
