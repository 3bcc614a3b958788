package io.dwprom.internal.db;

import io.dropwizard.db.ManagedDataSource;

import java.sql.Connection;
import java.sql.SQLException;

/** A {@link ManagedDataSource} that counts failures to obtain a connection, delegating everything else. */
final class ConnectionErrorCountingDataSource extends ForwardingDataSource {

    private final DatabaseMetrics metrics;

    ConnectionErrorCountingDataSource(ManagedDataSource delegate, DatabaseMetrics metrics) {
        super(delegate);
        this.metrics = metrics;
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            return delegate.getConnection();
        } catch (SQLException failure) {
            metrics.recordConnectionError();
            throw failure;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        try {
            return delegate.getConnection(username, password);
        } catch (SQLException failure) {
            metrics.recordConnectionError();
            throw failure;
        }
    }
}
