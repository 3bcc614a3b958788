package io.dwprom.internal.db;

import io.dwprom.internal.core.StripedHistogram;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The labels and {@code db_query_duration_seconds} series of each SQL text {@link PrometheusSqlLogger} has timed,
 * so that timing a statement costs one lookup by its text (whose hash the {@code String} keeps) instead of a
 * classification followed by a lookup by label values. Holds at most as many texts as the classifier would cache
 * (it classifies them uncached, so no text is held twice); past that, a statement is classified and its series
 * found each time, with the same result.
 */
final class TimedStatements {

    /** A classified statement and the series its durations go to. */
    record TimedStatement(SqlStatement labels, StripedHistogram.Series duration) {
    }

    private final ConcurrentMap<String, TimedStatement> bySql = new ConcurrentHashMap<>();
    private final DatabaseMetrics metrics;
    private final SqlStatementClassifier classifier;

    TimedStatements(DatabaseMetrics metrics, SqlStatementClassifier classifier) {
        this.metrics = metrics;
        this.classifier = classifier;
    }

    TimedStatement of(String sql) {
        TimedStatement known = sql == null ? null : bySql.get(sql);
        if (known != null) {
            return known;
        }
        SqlStatement labels = classifier.classifyUncached(sql);
        TimedStatement timed = new TimedStatement(labels, metrics.queryDurationSeries(labels));
        if (sql != null && classifier.mayCache(sql, bySql.size())) {
            bySql.putIfAbsent(sql, timed);
        }
        return timed;
    }
}
