package io.dwprom.internal.db;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class SqlErrorTypeTest {

    @Test
    void theSqlStateClassNamesTheError() {
        assertThat(SqlErrorType.of(new SQLException("dup", "23505"))).isEqualTo("integrity_constraint_violation");
        assertThat(SqlErrorType.of(new SQLException("no table", "42S02"))).isEqualTo("syntax_error_or_access_rule_violation");
        assertThat(SqlErrorType.of(new SQLException("gone", "08006"))).isEqualTo("connection_exception");
    }

    @Test
    void unknownClassesAndMissingStatesFoldIntoOther() {
        assertThat(SqlErrorType.of(new SQLException("odd", "ZZ999"))).isEqualTo("other");
        assertThat(SqlErrorType.of(new SQLException("none"))).isEqualTo("other");
        assertThat(SqlErrorType.of(new SQLException("short", "2"))).isEqualTo("other");
        assertThat(SqlErrorType.of(new IllegalStateException())).isEqualTo("other");
    }

    @Test
    void timeoutsAreNamedByTheirExceptionType() {
        assertThat(SqlErrorType.of(new SQLTimeoutException("slow", "HYT00"))).isEqualTo("timeout");
    }
}
