package io.dwprom.internal.db;

import io.dropwizard.db.ManagedDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A {@link ManagedDataSource} whose connections are timed by {@link JdbcInstrumentation}, and whose failures to
 * connect are counted. The instrumentation is resolved at {@link #start()} or at the first connection, whichever
 * comes first, and the pool is tracked in the connections gauge then. A Hibernate bundle builds its data source, and
 * connects, before later bundles have run: until the instrumentation exists, connections pass through untimed and
 * it is looked for again at the next one. When metrics are disabled, everything passes through.
 */
final class TimedDataSource extends ForwardingDataSource {

    private final Supplier<Optional<JdbcInstrumentation>> resolver;
    /** Null until resolved; then the instrumentation, or empty when metrics are disabled. */
    private volatile Optional<JdbcInstrumentation> instrumentation;

    TimedDataSource(ManagedDataSource delegate, Supplier<Optional<JdbcInstrumentation>> resolver) {
        super(delegate);
        this.resolver = resolver;
    }

    @Override
    public Connection getConnection() throws SQLException {
        JdbcInstrumentation jdbc = instrumentationIfAny();
        if (jdbc == null) {
            return delegate.getConnection();
        }
        try {
            return jdbc.connection(delegate.getConnection());
        } catch (SQLException failure) {
            jdbc.recordConnectionError();
            throw failure;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        JdbcInstrumentation jdbc = instrumentationIfAny();
        if (jdbc == null) {
            return delegate.getConnection(username, password);
        }
        try {
            return jdbc.connection(delegate.getConnection(username, password));
        } catch (SQLException failure) {
            jdbc.recordConnectionError();
            throw failure;
        }
    }

    @Override
    public void start() throws Exception {
        instrumentation();
        delegate.start();
    }

    private JdbcInstrumentation instrumentationIfAny() {
        Optional<JdbcInstrumentation> resolved = instrumentation();
        return resolved == null ? null : resolved.orElse(null);
    }

    /** The resolved instrumentation, or null while the resolver has none yet (see {@link JdbcInstrumentation}). */
    private Optional<JdbcInstrumentation> instrumentation() {
        Optional<JdbcInstrumentation> resolved = instrumentation;
        if (resolved == null) {
            synchronized (this) {
                resolved = instrumentation;
                if (resolved == null) {
                    resolved = resolver.get();
                    if (resolved != null) {
                        resolved.ifPresent(jdbc -> jdbc.trackPool(delegate));
                        instrumentation = resolved;
                    }
                }
            }
        }
        return resolved;
    }
}
