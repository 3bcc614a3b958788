package io.dwprom.internal.db;

import io.dwprom.internal.core.BoundedChildren;
import io.dwprom.internal.core.CardinalityGuard;
import io.dwprom.internal.core.NativeHistograms;
import io.dwprom.internal.core.StripedHistogram;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import io.prometheus.client.exemplars.HistogramExemplarSampler;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

import static io.dwprom.internal.core.Buckets.toArray;

/**
 * The database families, fed by {@link PrometheusSqlLogger} and the JDBI wiring of {@link PrometheusJdbiFactory}, by
 * the connections of data sources instrumented by {@link JdbcInstrumentation} (Hibernate, plain JDBC), and usable
 * directly by code that talks to a database another way.
 *
 * <table>
 * <caption>Families</caption>
 * <tr><th>name</th><th>type</th><th>labels</th></tr>
 * <tr><td>db_query_duration_seconds</td><td>histogram</td><td>query_type, table</td></tr>
 * <tr><td>db_query_errors_total</td><td>counter</td><td>query_type, error_type</td></tr>
 * <tr><td>db_connections_active (configurable)</td><td>gauge</td><td>- (active connections)</td></tr>
 * <tr><td>db_connection_errors_total</td><td>counter</td><td>-</td></tr>
 * </table>
 */
public final class DatabaseMetrics {

    public static final String QUERY_DURATION = "db_query_duration_seconds";
    public static final String QUERY_ERRORS = "db_query_errors_total";
    /** The default name of the gauge of active connections. */
    public static final String CONNECTIONS = "db_connections_active";
    public static final String CONNECTION_ERRORS = "db_connection_errors_total";

    private final StripedHistogram queryDuration;
    private final BoundedChildren<Counter.Child> queryErrors;
    private final Counter connectionErrors;
    private final AtomicLong manuallySetConnections = new AtomicLong();
    private final List<IntSupplier> pools = new CopyOnWriteArrayList<>();

    /** Recorders without exemplars. */
    public DatabaseMetrics(CollectorRegistry registry, CardinalityGuard guard, List<Double> queryBuckets) {
        this(registry, guard, queryBuckets, null);
    }

    /** @param exemplarSampler samples the exemplars of {@value #QUERY_DURATION}; null for none */
    public DatabaseMetrics(CollectorRegistry registry, CardinalityGuard guard, List<Double> queryBuckets,
                           HistogramExemplarSampler exemplarSampler) {
        this(registry, guard, queryBuckets, exemplarSampler, CONNECTIONS);
    }

    /**
     * @param exemplarSampler samples the exemplars of {@value #QUERY_DURATION}; null for none
     * @param connectionsName the name of the gauge of active connections (a name ending in {@code _total}, which
     *                        linters report for a gauge, is explained in its HELP)
     */
    public DatabaseMetrics(CollectorRegistry registry, CardinalityGuard guard, List<Double> queryBuckets,
                           HistogramExemplarSampler exemplarSampler, String connectionsName) {
        this(registry, guard, queryBuckets, exemplarSampler, connectionsName, NativeHistograms.disabled());
    }

    /** As the constructor above; with {@code natives} enabled, {@value #QUERY_DURATION} keeps native buckets too. */
    public DatabaseMetrics(CollectorRegistry registry, CardinalityGuard guard, List<Double> queryBuckets,
                           HistogramExemplarSampler exemplarSampler, String connectionsName,
                           NativeHistograms natives) {
        // Written for every statement by every request thread: striped rows, not simpleclient adders (BENCHMARKS.md).
        queryDuration = new StripedHistogram(registry, guard, QUERY_DURATION,
                "SQL statement execution time, by query type and table.", List.of("query_type", "table"),
                toArray(queryBuckets), 1e9, exemplarSampler, natives);
        queryErrors = new BoundedChildren<>(QUERY_ERRORS,
                Counter.build(QUERY_ERRORS, "SQL statements that failed, by query type and error type.")
                        .labelNames("query_type", "error_type").withoutExemplars().register(registry), 2, guard);
        connectionErrors = Counter.build(CONNECTION_ERRORS, "Failures to obtain a database connection.")
                .withoutExemplars().register(registry);
        Gauge connections = Gauge.build(connectionsName,
                "Active (borrowed) database connections of all tracked pools." + (connectionsName.endsWith("_total")
                        ? " A gauge; the _total suffix is kept for compatibility." : "")).create();
        connections.setChild(new Gauge.Child() {
            @Override
            public double get() {
                return activeConnections();
            }
        });
        registry.register(connections);
    }

    public void recordQuery(String queryType, String table, Duration elapsed) {
        recordQueryNanos(queryType, table, elapsed.toNanos());
    }

    public void recordQueryNanos(String queryType, String table, long elapsedNanos) {
        queryDuration.labels(queryType, table).observe(elapsedNanos);
    }

    /** The duration series of a classified statement, for callers that keep it (the SQL logger's cache). */
    StripedHistogram.Series queryDurationSeries(SqlStatement statement) {
        return queryDuration.labels(statement.queryType(), statement.table());
    }

    public void recordQueryError(String queryType, String errorType) {
        queryErrors.labels(queryType, errorType).inc();
    }

    public void recordConnectionError() {
        connectionErrors.inc();
    }

    /** Sets the connections of pools the bundle does not track; the gauge adds the tracked pools to it. */
    public void setActiveConnections(long connections) {
        manuallySetConnections.set(connections);
    }

    /** Tracks a pool: its active connections are read at every scrape. */
    public void trackPool(IntSupplier activeConnections) {
        pools.add(activeConnections);
    }

    private long activeConnections() {
        long active = manuallySetConnections.get();
        for (IntSupplier pool : pools) {
            active += pool.getAsInt();
        }
        return active;
    }
}
