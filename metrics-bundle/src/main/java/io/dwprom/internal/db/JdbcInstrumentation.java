package io.dwprom.internal.db;

import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.db.PooledDataSourceFactory;
import io.dwprom.internal.core.RecordingErrors;
import org.apache.tomcat.jdbc.pool.DataSourceProxy;

import java.sql.Connection;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Times the statements of any JDBC client (Hibernate, jOOQ, Spring's JdbcTemplate, plain JDBC) into
 * {@link DatabaseMetrics}: the connections of an instrumented data source are proxies whose statements record their
 * duration under the labels of their SQL text, their failures by SQLState class, and prepare-time failures. Used by
 * {@code PrometheusBundle#dataSourceFactory}, which applications call; the bundle's JDBI factory leaves a Jdbi over an
 * instrumented data source to this layer, so no statement is timed twice.
 *
 * <p>The proxies are plain delegating classes of this package generated from the {@code java.sql} interfaces
 * ({@code scripts/GenerateJdbcWrappers.java}): {@code java.lang.reflect.Proxy} handlers cost a reflective call, an
 * argument array and boxing on every JDBC call (BENCHMARKS.md). Result sets are not wrapped.
 */
public final class JdbcInstrumentation {

    static final String COMPONENT = PrometheusSqlLogger.COMPONENT;

    private final DatabaseMetrics metrics;
    private final TimedStatements statements;
    private final RecordingErrors errors;

    public JdbcInstrumentation(DatabaseMetrics metrics, SqlStatementClassifier classifier, RecordingErrors errors) {
        this.metrics = metrics;
        this.statements = new TimedStatements(metrics, classifier);
        this.errors = errors;
    }

    /**
     * A factory delegating everything to {@code factory}, whose data sources time every statement once
     * {@code instrumentation} resolves: at their start or first connection, whichever comes first, so that the
     * factory may be built before the instrumentation exists. {@code instrumentation} gives empty when metrics are
     * disabled (the data sources then pass everything through), null while the instrumentation does not exist yet
     * but will (connections pass through untimed, and it is asked again at the next one), and throws when it never
     * will. A factory that is already instrumented is returned as it is.
     */
    public static PooledDataSourceFactory instrument(PooledDataSourceFactory factory,
                                                     Supplier<Optional<JdbcInstrumentation>> instrumentation) {
        if (factory instanceof TimedDataSourceFactory) {
            return factory;
        }
        return new TimedDataSourceFactory(factory, instrumentation);
    }

    /** Whether the connections of {@code dataSource} are timed by this layer. */
    static boolean isInstrumented(ManagedDataSource dataSource) {
        return dataSource instanceof TimedDataSource;
    }

    /** Adds the active connections of {@code dataSource}'s pool to the connections gauge, if it is a pool. */
    void trackPool(ManagedDataSource dataSource) {
        if (dataSource instanceof DataSourceProxy pool) {
            metrics.trackPool(pool::getNumActive);
        }
    }

    void recordConnectionError() {
        try {
            metrics.recordConnectionError();
        } catch (RuntimeException failure) {
            errors.record(COMPONENT, failure);
        }
    }

    /** Times one execution of {@code sql}; {@code failure} null when it succeeded. Never throws. */
    void recordExecution(String sql, long elapsedNanos, Throwable failure) {
        try {
            TimedStatements.TimedStatement statement = statements.of(sql);
            statement.duration().observe(elapsedNanos);
            if (failure != null) {
                metrics.recordQueryError(statement.labels().queryType(), SqlErrorType.of(failure));
            }
        } catch (RuntimeException recordingFailure) {
            errors.record(COMPONENT, recordingFailure);
        }
    }

    /** Counts a statement that failed while being prepared (it never ran, so it has no duration). Never throws. */
    void recordPrepareError(String sql, Throwable failure) {
        try {
            metrics.recordQueryError(statements.of(sql).labels().queryType(), SqlErrorType.of(failure));
        } catch (RuntimeException recordingFailure) {
            errors.record(COMPONENT, recordingFailure);
        }
    }

    Connection connection(Connection target) {
        return new TimedConnection(target, this);
    }
}
