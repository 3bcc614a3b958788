package io.dwprom.db;

import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.db.PooledDataSourceFactory;
import io.dwprom.core.RecordingErrors;
import org.apache.tomcat.jdbc.pool.DataSourceProxy;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Times the statements of any JDBC client (Hibernate, jOOQ, Spring's JdbcTemplate, plain JDBC) into
 * {@link DatabaseMetrics}: the connections of an instrumented data source are proxies whose statements record their
 * duration under the labels of their SQL text, their failures by SQLState class, and prepare-time failures. Used by
 * {@code PrometheusBundle#dataSourceFactory}, which applications call; the bundle's JDBI factory leaves a Jdbi over an
 * instrumented data source to this layer, so no statement is timed twice.
 *
 * <p>The proxies are {@link Proxy} instances of the JDBC interfaces over handlers of this package: one handler class
 * for connections, one for every kind of statement; result sets are not wrapped.
 */
public final class JdbcInstrumentation {

    static final String COMPONENT = PrometheusSqlLogger.COMPONENT;

    private static final Constructor<?> CONNECTION = proxyConstructor(Connection.class);
    private static final Constructor<?> STATEMENT = proxyConstructor(Statement.class);
    private static final Constructor<?> PREPARED_STATEMENT = proxyConstructor(PreparedStatement.class);
    private static final Constructor<?> CALLABLE_STATEMENT = proxyConstructor(CallableStatement.class);

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
        return (Connection) newProxy(CONNECTION, new TimedConnectionHandler(target, this));
    }

    Statement statement(Statement target, Connection connection) {
        return (Statement) newProxy(STATEMENT, new TimedStatementHandler(target, connection, null, this));
    }

    PreparedStatement preparedStatement(PreparedStatement target, Connection connection, String sql) {
        return (PreparedStatement) newProxy(PREPARED_STATEMENT,
                new TimedStatementHandler(target, connection, sql, this));
    }

    CallableStatement callableStatement(CallableStatement target, Connection connection, String sql) {
        return (CallableStatement) newProxy(CALLABLE_STATEMENT,
                new TimedStatementHandler(target, connection, sql, this));
    }

    /**
     * The constructor of the proxy class of {@code type}, found once: {@code Proxy.newProxyInstance} looks the class
     * up and checks permissions at every call, which a statement should not pay for.
     */
    private static Constructor<?> proxyConstructor(Class<?> type) {
        InvocationHandler none = (proxy, method, args) -> null;
        try {
            return Proxy.newProxyInstance(JdbcInstrumentation.class.getClassLoader(), new Class<?>[]{type}, none)
                    .getClass().getConstructor(InvocationHandler.class);
        } catch (NoSuchMethodException impossible) {
            throw new IllegalStateException("A proxy class without its public constructor", impossible);
        }
    }

    private static Object newProxy(Constructor<?> constructor, InvocationHandler handler) {
        try {
            return constructor.newInstance(handler);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException impossible) {
            throw new IllegalStateException("Could not instantiate a JDBC proxy", impossible);
        }
    }
}
