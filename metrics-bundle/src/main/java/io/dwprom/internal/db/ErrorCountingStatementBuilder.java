package io.dwprom.internal.db;

import io.dwprom.internal.core.RecordingErrors;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Counts statements that fail while being prepared (an unknown table, a syntax error): JDBI reports those to no
 * {@code SqlLogger}, only to the caller. Delegates everything to the builder it wraps.
 */
final class ErrorCountingStatementBuilder implements StatementBuilder {

    private final StatementBuilder delegate;
    private final DatabaseMetrics metrics;
    private final SqlStatementClassifier classifier;
    private final RecordingErrors errors;

    ErrorCountingStatementBuilder(StatementBuilder delegate, DatabaseMetrics metrics, SqlStatementClassifier classifier,
                                  RecordingErrors errors) {
        this.delegate = delegate;
        this.metrics = metrics;
        this.classifier = classifier;
        this.errors = errors;
    }

    @Override
    public Statement create(Connection connection, StatementContext context) throws SQLException {
        try {
            return delegate.create(connection, context);
        } catch (SQLException failure) {
            throw counted(failure, null, connection);
        }
    }

    @Override
    public PreparedStatement create(Connection connection, String sql, StatementContext context) throws SQLException {
        try {
            return delegate.create(connection, sql, context);
        } catch (SQLException failure) {
            throw counted(failure, sql, connection);
        }
    }

    @Override
    public CallableStatement createCall(Connection connection, String sql, StatementContext context)
            throws SQLException {
        try {
            return delegate.createCall(connection, sql, context);
        } catch (SQLException failure) {
            throw counted(failure, sql, connection);
        }
    }

    @Override
    public void close(Connection connection, String sql, Statement statement) throws SQLException {
        delegate.close(connection, sql, statement);
    }

    @Override
    public void close(Connection connection) {
        delegate.close(connection);
    }

    /** Counts the failure, unless the connection is an instrumented data source's, which has counted it. */
    private SQLException counted(SQLException failure, String sql, Connection connection) {
        if (connection instanceof TimedConnection) {
            return failure;
        }
        try {
            metrics.recordQueryError(classifier.classify(sql).queryType(), SqlErrorType.of(failure));
        } catch (RuntimeException recordingFailure) {
            errors.record(PrometheusSqlLogger.COMPONENT, recordingFailure);
        }
        return failure;
    }
}
