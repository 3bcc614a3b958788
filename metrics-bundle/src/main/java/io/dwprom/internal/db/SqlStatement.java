package io.dwprom.internal.db;

/**
 * The bounded labels of one SQL statement: its {@code query_type} (select, insert, update, delete or other) and
 * the {@code table} it reads or writes.
 */
public record SqlStatement(String queryType, String table) {

    /** {@code table} when the statement names none ({@code SELECT 1}) or cannot be parsed. */
    public static final String UNKNOWN_TABLE = "unknown";
    /** {@code table} once the distinct-table limit is reached. */
    public static final String OTHER_TABLE = "other";
    /** The labels of a statement with no SQL text (some batches). */
    public static final SqlStatement UNKNOWN = new SqlStatement("other", UNKNOWN_TABLE);
}
