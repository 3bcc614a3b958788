package io.dwprom.internal.db;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Derives {@link SqlStatement} labels from SQL text. Leading comments (JDBI prefixes SqlObject statements with
 * {@code /* Type.method * /}) are skipped; the first keyword gives the query type and the identifier after
 * {@code FROM}, {@code INTO} or {@code UPDATE} the table, lower-cased, unquoted and without its schema.
 *
 * <p>Results are cached by SQL text: an application has a fixed set of statements, so steady state is one map
 * lookup. Both caches are bounded: past {@code maxStatements} distinct texts, and for texts longer than
 * {@link #MAX_CACHED_SQL_LENGTH}, results are computed but not kept; past {@code maxTables} distinct tables, and for
 * names longer than {@link #MAX_TABLE_LENGTH}, tables are labelled {@link SqlStatement#OTHER_TABLE}.
 */
public final class SqlStatementClassifier {

    /** Longest table name used as a label value. */
    public static final int MAX_TABLE_LENGTH = 128;
    /** Longest SQL text kept in a cache, so that the caches' memory is bounded by their number of entries. */
    public static final int MAX_CACHED_SQL_LENGTH = 8192;

    private static final Set<String> QUERY_TYPES = Set.of("select", "insert", "update", "delete");

    private final ConcurrentMap<String, SqlStatement> statements = new ConcurrentHashMap<>();
    private final Set<String> tables = ConcurrentHashMap.newKeySet();
    private final int maxStatements;
    private final int maxTables;

    public SqlStatementClassifier(int maxStatements, int maxTables) {
        this.maxStatements = maxStatements;
        this.maxTables = maxTables;
    }

    /** Whether a cache by SQL text that holds {@code cached} texts may keep {@code sql}: callers keep to this too. */
    public boolean mayCache(String sql, int cached) {
        return cached < maxStatements && sql.length() <= MAX_CACHED_SQL_LENGTH;
    }

    public SqlStatement classify(String sql) {
        if (sql == null) {
            return SqlStatement.UNKNOWN;
        }
        SqlStatement cached = statements.get(sql);
        if (cached != null) {
            return cached;
        }
        SqlStatement parsed = classifyUncached(sql);
        if (mayCache(sql, statements.size())) {
            statements.putIfAbsent(sql, parsed);
        }
        return parsed;
    }

    /**
     * Classifies without keeping the result, for callers that cache it with more of their own (the SQL logger
     * keeps each text's series too), so that a text is not held twice. The table limit applies all the same.
     */
    public SqlStatement classifyUncached(String sql) {
        if (sql == null) {
            return SqlStatement.UNKNOWN;
        }
        SqlTokens tokens = new SqlTokens(sql);
        String first = tokens.nextWord();
        if (first == null) {
            return SqlStatement.UNKNOWN;
        }
        String queryType = QUERY_TYPES.contains(first) ? first : "other";
        String marker = switch (queryType) {
            case "select", "delete" -> "from";
            case "insert" -> "into";
            case "update" -> null;
            default -> first.equals("merge") ? "into" : "from";
        };
        String table = marker == null ? tokens.nextIdentifier() : tokens.identifierAfter(marker);
        return new SqlStatement(queryType, boundedTable(table));
    }

    private String boundedTable(String table) {
        if (table == null || table.isEmpty()) {
            return SqlStatement.UNKNOWN_TABLE;
        }
        if (table.length() > MAX_TABLE_LENGTH) {
            return SqlStatement.OTHER_TABLE;
        }
        if (tables.contains(table)) {
            return table;
        }
        if (tables.size() >= maxTables) {
            return SqlStatement.OTHER_TABLE;
        }
        tables.add(table);
        return table;
    }

    /** A forward-only reader of SQL words that skips comments, string literals and punctuation. */
    private static final class SqlTokens {

        private final String sql;
        private int position;

        SqlTokens(String sql) {
            this.sql = sql;
        }

        /** The next bare word, lower-cased, or null at the end. */
        String nextWord() {
            while (skipSpaceCommentsAndLiterals()) {
                char c = sql.charAt(position);
                if (Character.isLetter(c) || c == '_') {
                    int start = position;
                    while (position < sql.length() && isWordChar(sql.charAt(position))) {
                        position++;
                    }
                    return sql.substring(start, position).toLowerCase(Locale.ROOT);
                }
                position++;
            }
            return null;
        }

        /** The identifier following the keyword {@code marker}, or null if the keyword never comes. */
        String identifierAfter(String marker) {
            for (String word = nextWord(); word != null; word = nextWord()) {
                if (word.equals(marker)) {
                    return nextIdentifier();
                }
            }
            return null;
        }

        /** The next identifier, possibly quoted and schema-qualified, as its last part, lower-cased. */
        String nextIdentifier() {
            if (!skipSpaceCommentsAndLiterals()) {
                return null;
            }
            String last = null;
            while (position < sql.length()) {
                char c = sql.charAt(position);
                if (c == '"' || c == '`' || c == '[') {
                    char close = c == '[' ? ']' : c;
                    int end = sql.indexOf(close, position + 1);
                    if (end < 0) {
                        break;
                    }
                    last = sql.substring(position + 1, end);
                    position = end + 1;
                } else if (isWordChar(c)) {
                    int start = position;
                    while (position < sql.length() && isWordChar(sql.charAt(position))) {
                        position++;
                    }
                    last = sql.substring(start, position);
                } else {
                    return null;
                }
                if (position < sql.length() && sql.charAt(position) == '.') {
                    position++;
                } else {
                    break;
                }
            }
            return last == null ? null : last.toLowerCase(Locale.ROOT);
        }

        /** Skips white space, comments and quoted literals; false at the end of the text. */
        private boolean skipSpaceCommentsAndLiterals() {
            while (position < sql.length()) {
                char c = sql.charAt(position);
                if (Character.isWhitespace(c)) {
                    position++;
                } else if (c == '/' && isAt(position + 1, '*')) {
                    int end = indexOfCommentEnd(position + 2);
                    position = end < 0 ? sql.length() : end + 2;
                } else if (c == '-' && isAt(position + 1, '-')) {
                    int end = sql.indexOf('\n', position);
                    position = end < 0 ? sql.length() : end + 1;
                } else if (c == '\'') {
                    int end = sql.indexOf('\'', position + 1);
                    position = end < 0 ? sql.length() : end + 1;
                } else {
                    return true;
                }
            }
            return false;
        }

        private boolean isAt(int index, char c) {
            return index < sql.length() && sql.charAt(index) == c;
        }

        /**
         * The index of the next {@code * /} from {@code from}, or -1. Characters are compared rather than
         * {@code startsWith}/{@code indexOf} called with strings: Jazzer's hooks on those encode the whole text at
         * each call, which made a megabyte statement take minutes under fuzzing.
         */
        private int indexOfCommentEnd(int from) {
            for (int i = sql.indexOf('*', from); i >= 0; i = sql.indexOf('*', i + 1)) {
                if (isAt(i + 1, '/')) {
                    return i;
                }
            }
            return -1;
        }

        private static boolean isWordChar(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '$';
        }
    }
}
