package io.dwprom.internal.db;

import io.dwprom.internal.core.RecordingErrors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.spi.JdbiPlugin;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementBuilderFactory;

/**
 * Instruments a {@link Jdbi}: wraps its current {@code SqlLogger} (a Jdbi holds one) in a
 * {@link PrometheusSqlLogger}, and its statement builder factory in one that counts prepare-time errors.
 * Install it after any other plugin that sets a SqlLogger.
 */
public final class PrometheusJdbiPlugin implements JdbiPlugin {

    private final DatabaseMetrics metrics;
    private final SqlStatementClassifier classifier;
    private final RecordingErrors errors;

    public PrometheusJdbiPlugin(DatabaseMetrics metrics, SqlStatementClassifier classifier, RecordingErrors errors) {
        this.metrics = metrics;
        this.classifier = classifier;
        this.errors = errors;
    }

    @Override
    public void customizeJdbi(Jdbi jdbi) {
        SqlStatements statements = jdbi.getConfig(SqlStatements.class);
        statements.setSqlLogger(new PrometheusSqlLogger(statements.getSqlLogger(), metrics, classifier, errors));
        StatementBuilderFactory builders = jdbi.getStatementBuilderFactory();
        jdbi.setStatementBuilderFactory(connection -> new ErrorCountingStatementBuilder(
                builders.createStatementBuilder(connection), metrics, classifier, errors));
    }
}
