package io.dwprom.internal.db;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;

/**
 * The bounded {@code error_type} label of a failed statement: named after the SQLState class (the first two
 * characters of the SQLState, as standardised by SQL:2011 and used by every major driver), else after the kind of
 * exception. Unlisted classes fold into {@code other}.
 */
public final class SqlErrorType {

    private static final Map<String, String> BY_SQLSTATE_CLASS = Map.ofEntries(
            Map.entry("08", "connection_exception"),
            Map.entry("0A", "feature_not_supported"),
            Map.entry("21", "cardinality_violation"),
            Map.entry("22", "data_exception"),
            Map.entry("23", "integrity_constraint_violation"),
            Map.entry("25", "invalid_transaction_state"),
            Map.entry("28", "invalid_authorization"),
            Map.entry("40", "transaction_rollback"),
            Map.entry("42", "syntax_error_or_access_rule_violation"),
            Map.entry("53", "insufficient_resources"),
            Map.entry("57", "operator_intervention"),
            Map.entry("HY", "driver_error"));

    private SqlErrorType() {
    }

    public static String of(Throwable failure) {
        if (failure instanceof SQLTimeoutException) {
            return "timeout";
        }
        if (failure instanceof SQLTransientConnectionException) {
            return "connection_exception";
        }
        if (failure instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2) {
            return BY_SQLSTATE_CLASS.getOrDefault(sql.getSQLState().substring(0, 2), "other");
        }
        return "other";
    }
}
