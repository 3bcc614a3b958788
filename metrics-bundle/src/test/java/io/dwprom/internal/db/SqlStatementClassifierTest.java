package io.dwprom.internal.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SqlStatementClassifierTest {

    private final SqlStatementClassifier classifier = new SqlStatementClassifier(100, 100);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
            "SELECT * FROM experiments WHERE id = :id                          | select | experiments",
            "/* ExperimentDao.findById */ select id from Experiments where x=1 | select | experiments",
            "-- note\\n  INSERT INTO runs (id) VALUES (?)                           | insert | runs",
            "update public.models set name = 'x from y' where id = 1           | update | models",
            "DELETE FROM \"Datasets\" WHERE id = 1                              | delete | datasets",
            "SELECT 'FROM fake' AS a, b FROM `evaluations`                     | select | evaluations",
            "/* Health Check */ SELECT 1                                       | select | unknown",
            "MERGE INTO models KEY (id) VALUES (1)                             | other  | models",
            "CREATE TABLE items (id INT)                                       | other  | unknown",
            "SELECT * FROM (SELECT 1) sub                                      | select | unknown",
            "/* unterminated                                                   | other  | unknown"})
    void queryTypeAndTableComeFromTheStatementPastItsComments(String sql, String queryType, String table) {
        assertThat(classifier.classify(sql.replace("\\n", "\n"))).isEqualTo(new SqlStatement(queryType, table));
    }

    @Test
    void aStatementWithoutTextIsUnknown() {
        assertThat(classifier.classify(null)).isEqualTo(SqlStatement.UNKNOWN);
    }

    @Test
    void tablesPastTheLimitFoldIntoOther() {
        SqlStatementClassifier bounded = new SqlStatementClassifier(100, 2);
        assertThat(bounded.classify("SELECT * FROM a").table()).isEqualTo("a");
        assertThat(bounded.classify("SELECT * FROM b").table()).isEqualTo("b");
        assertThat(bounded.classify("SELECT * FROM c").table()).isEqualTo(SqlStatement.OTHER_TABLE);
        assertThat(bounded.classify("INSERT INTO a VALUES (1)").table()).isEqualTo("a");
    }

    @Test
    void resultsStayRightPastTheStatementCacheLimit() {
        SqlStatementClassifier tinyCache = new SqlStatementClassifier(1, 100);
        for (int i = 0; i < 5; i++) {
            assertThat(tinyCache.classify("SELECT * FROM t" + i + " WHERE x = " + i).table()).isEqualTo("t" + i);
        }
    }

    @Test
    void aTableNameLongerThanTheLimitFoldsIntoOther() {
        String longName = "t".repeat(SqlStatementClassifier.MAX_TABLE_LENGTH + 1);
        assertThat(classifier.classify("SELECT * FROM \"" + longName + "\"").table()).isEqualTo(SqlStatement.OTHER_TABLE);
        assertThat(classifier.classify("SELECT * FROM " + longName.substring(1)).table()).hasSize(SqlStatementClassifier.MAX_TABLE_LENGTH);
    }

    @Test
    void onlyTextsUpToTheLengthLimitAreCached() {
        SqlStatementClassifier bounded = new SqlStatementClassifier(2, 100);
        assertThat(bounded.mayCache("x".repeat(SqlStatementClassifier.MAX_CACHED_SQL_LENGTH), 1)).isTrue();
        assertThat(bounded.mayCache("x".repeat(SqlStatementClassifier.MAX_CACHED_SQL_LENGTH + 1), 0)).isFalse();
        assertThat(bounded.mayCache("x", 2)).isFalse();
    }

    @Test
    void megabyteStatementsOfCommentsAndOpenQuotesAreClassified() {
        int times = 1 << 18;
        assertThat(classifier.classify("/* a */ SELECT " + "/*/* x */".repeat(times) + " FROM t"))
                .isEqualTo(new SqlStatement("select", "t"));
        assertThat(classifier.classify("SELECT 'x FROM t" + "--\n''".repeat(times)))
                .isEqualTo(new SqlStatement("select", SqlStatement.UNKNOWN_TABLE));
        assertThat(classifier.classify("UPDATE [DBO].[Items" + " '".repeat(times)))
                .isEqualTo(new SqlStatement("update", "dbo"));
    }
}
