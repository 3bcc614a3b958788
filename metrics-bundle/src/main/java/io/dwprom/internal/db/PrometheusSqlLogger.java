package io.dwprom.internal.db;

import io.dwprom.internal.core.RecordingErrors;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.SQLException;
import java.time.temporal.ChronoUnit;

/**
 * A JDBI {@link SqlLogger} that times every executed statement into {@link DatabaseMetrics} and counts execution
 * errors, after passing each call to the logger it wraps (Dropwizard's own timer), so neither replaces the other.
 * Statements on a connection of an instrumented data source are left to it, so none is timed twice. Failures of this
 * logger are counted, never thrown into the statement.
 */
public final class PrometheusSqlLogger implements SqlLogger {

    static final String COMPONENT = "db";

    private final SqlLogger delegate;
    private final DatabaseMetrics metrics;
    private final TimedStatements statements;
    private final RecordingErrors errors;

    public PrometheusSqlLogger(SqlLogger delegate, DatabaseMetrics metrics, SqlStatementClassifier classifier,
                               RecordingErrors errors) {
        this.delegate = delegate;
        this.metrics = metrics;
        this.statements = new TimedStatements(metrics, classifier);
        this.errors = errors;
    }

    @Override
    public void logBeforeExecution(StatementContext context) {
        delegate.logBeforeExecution(context);
    }

    @Override
    public void logAfterExecution(StatementContext context) {
        delegate.logAfterExecution(context);
        if (timedByConnection(context)) {
            return;
        }
        try {
            recordDuration(context);
        } catch (RuntimeException failure) {
            errors.record(COMPONENT, failure);
        }
    }

    @Override
    public void logException(StatementContext context, SQLException failure) {
        delegate.logException(context, failure);
        if (timedByConnection(context)) {
            return;
        }
        try {
            metrics.recordQueryError(recordDuration(context).queryType(), SqlErrorType.of(failure));
        } catch (RuntimeException recordingFailure) {
            errors.record(COMPONENT, recordingFailure);
        }
    }

    /**
     * Whether the statement ran on a connection of an instrumented data source, which has timed it already (a Jdbi
     * given this plugin by hand over a data source from {@code PrometheusBundle#dataSourceFactory}).
     */
    private static boolean timedByConnection(StatementContext context) {
        return context.getConnection() instanceof TimedConnection;
    }

    /** Times the statement under its labels (failed statements too: their time was spent); returns the labels. */
    private SqlStatement recordDuration(StatementContext context) {
        TimedStatements.TimedStatement statement = statements.of(context.getRawSql());
        statement.duration().observe(context.getElapsedTime(ChronoUnit.NANOS));
        return statement.labels();
    }
}
