package org.jdbi.v3.core.statement;

import org.jdbi.v3.core.config.ConfigRegistry;

import java.time.Instant;

/**
 * Builds a real {@link StatementContext} as Jdbi fills it before {@code SqlLogger#logAfterExecution}: raw SQL,
 * execution and completion moments. Lives in Jdbi's package because {@code StatementContext.create} and
 * {@code setRawSql} are package-private (benchmark code only; nothing of Jdbi is changed).
 */
public final class BenchStatementContexts {

    private BenchStatementContexts() {
    }

    public static StatementContext executed(String rawSql, long elapsedNanos) {
        StatementContext context = StatementContext.create(new ConfigRegistry(), null, null);
        context.setRawSql(rawSql);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        context.setExecutionMoment(start);
        context.setCompletionMoment(start.plusNanos(elapsedNanos));
        return context;
    }
}
