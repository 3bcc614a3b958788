package io.dwprom.internal.db;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.HashSet;
import java.util.Set;

/**
 * Coverage-guided fuzzing of the SQL statement classifier: any text, including pathological ones built by repeating
 * a fragment (nested or unterminated comments and quotes) up to 64 Ki characters, gets a {@code query_type} from
 * the fixed set and a bounded {@code table}, without an exception; time is bounded by the fuzzer's per-input
 * timeout. (Instrumented, a megabyte statement takes seconds, too slow to fuzz in volume: megabyte statements are
 * {@code SqlStatementClassifierTest}'s.) Seeds: {@code SqlStatementClassifierFuzzTestInputs/} in the test resources.
 */
class SqlStatementClassifierFuzzTest {

    private static final Set<String> QUERY_TYPES = Set.of("select", "insert", "update", "delete", "other");
    private static final int MAX_TABLES = 3;
    private static final int MAX_STATEMENT_CHARS = 1 << 16;

    @FuzzTest
    void anyStatementGetsABoundedQueryTypeAndTable(FuzzedDataProvider data) {
        SqlStatementClassifier classifier = new SqlStatementClassifier(2, MAX_TABLES);
        Set<String> tables = new HashSet<>();
        while (data.remainingBytes() > 0) {
            String sql = statement(data);
            SqlStatement statement = classifier.classify(sql);
            check(QUERY_TYPES.contains(statement.queryType()), "query_type", statement, sql);
            check(statement.table() != null && !statement.table().isEmpty()
                    && statement.table().length() <= SqlStatementClassifier.MAX_TABLE_LENGTH, "table", statement, sql);
            check(statement.equals(classifier.classify(sql)), "a second classification", statement, sql);
            tables.add(statement.table());
        }
        tables.remove(SqlStatement.UNKNOWN_TABLE);
        tables.remove(SqlStatement.OTHER_TABLE);
        check(tables.size() <= MAX_TABLES, "distinct tables " + tables, null, "");
    }

    /** A text from the input, or (when the input asks for it) a prefix, a fragment repeated up to megabytes, a tail. */
    private static String statement(FuzzedDataProvider data) {
        if (!data.consumeBoolean()) {
            return data.consumeString(256);
        }
        String prefix = data.consumeString(32);
        String fragment = data.consumeString(16);
        int times = data.consumeInt(1, MAX_STATEMENT_CHARS / Math.max(1, fragment.length()));
        return prefix + fragment.repeat(times) + data.consumeString(32);
    }

    private static void check(boolean holds, String what, SqlStatement statement, String sql) {
        if (!holds) {
            throw new AssertionError(what + " out of bounds: " + statement + " for "
                    + (sql.length() > 200 ? sql.substring(0, 200) + "... (" + sql.length() + " chars)" : sql));
        }
    }
}
