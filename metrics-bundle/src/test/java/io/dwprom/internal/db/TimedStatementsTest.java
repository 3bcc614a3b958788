package io.dwprom.internal.db;

import io.dwprom.internal.core.Buckets;
import io.dwprom.internal.core.CardinalityGuard;
import io.prometheus.client.CollectorRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimedStatementsTest {

    private final CollectorRegistry registry = new CollectorRegistry();
    private final DatabaseMetrics metrics =
            new DatabaseMetrics(registry, new CardinalityGuard(registry, 100), Buckets.DB_QUERY_SECONDS);

    @Test
    void aTextIsClassifiedOnceAndKeepsItsSeries() {
        TimedStatements statements = new TimedStatements(metrics, new SqlStatementClassifier(100, 100));
        String sql = "/* ExperimentDao.find */ SELECT id FROM experiments WHERE id = :id";

        TimedStatements.TimedStatement first = statements.of(sql);
        first.duration().observe(2_000_000);
        statements.of(new String(sql)).duration().observe(3_000_000);

        assertThat(first.labels()).isEqualTo(new SqlStatement("select", "experiments"));
        assertThat(statements.of(sql)).isSameAs(first);
        assertThat(count("select", "experiments")).isEqualTo(2.0);
        assertThat(sum("select", "experiments")).isEqualTo(0.005);
    }

    @Test
    void textsPastTheClassifiersCacheLimitStillReachTheirOwnSeries() {
        TimedStatements statements = new TimedStatements(metrics, new SqlStatementClassifier(1, 100));
        for (int round = 0; round < 2; round++) {
            for (int table = 0; table < 4; table++) {
                TimedStatements.TimedStatement timed = statements.of("DELETE FROM t" + table + " WHERE id = 1");
                assertThat(timed.labels()).isEqualTo(new SqlStatement("delete", "t" + table));
                timed.duration().observe(1_000);
            }
        }
        for (int table = 0; table < 4; table++) {
            assertThat(count("delete", "t" + table)).as("table t%d", table).isEqualTo(2.0);
        }
    }

    @Test
    void aStatementWithoutTextIsTimedAsUnknown() {
        TimedStatements statements = new TimedStatements(metrics, new SqlStatementClassifier(100, 100));
        statements.of(null).duration().observe(1_000);

        assertThat(statements.of(null).labels()).isEqualTo(SqlStatement.UNKNOWN);
        assertThat(count(SqlStatement.UNKNOWN.queryType(), SqlStatement.UNKNOWN_TABLE)).isEqualTo(1.0);
    }

    private Double count(String queryType, String table) {
        return sample("_count", queryType, table);
    }

    private Double sum(String queryType, String table) {
        return sample("_sum", queryType, table);
    }

    private Double sample(String suffix, String queryType, String table) {
        return registry.getSampleValue(DatabaseMetrics.QUERY_DURATION + suffix,
                new String[]{"query_type", "table"}, new String[]{queryType, table});
    }
}
