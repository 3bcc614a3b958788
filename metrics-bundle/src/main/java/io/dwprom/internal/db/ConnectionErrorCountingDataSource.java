package io.dwprom.internal.db;

import io.dropwizard.db.ManagedDataSource;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/** A {@link ManagedDataSource} that counts failures to obtain a connection, delegating everything else. */
final class ConnectionErrorCountingDataSource implements ManagedDataSource {

    private final ManagedDataSource delegate;
    private final DatabaseMetrics metrics;

    ConnectionErrorCountingDataSource(ManagedDataSource delegate, DatabaseMetrics metrics) {
        this.delegate = delegate;
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

    @Override
    public void start() throws Exception {
        delegate.start();
    }

    @Override
    public void stop() throws Exception {
        delegate.stop();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || delegate.isWrapperFor(type);
    }
}
