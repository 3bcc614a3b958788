package io.dwprom.internal.db;

import io.dropwizard.db.DataSourceFactory;
import org.junit.jupiter.api.Test;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link JdbcScenarios} on an embedded in-memory H2 database. */
class JdbcH2Test extends JdbcScenarios {

    private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Override
    DataSourceFactory database() {
        DataSourceFactory database = new DataSourceFactory();
        database.setDriverClass("org.h2.Driver");
        database.setUrl(url);
        database.setUser("sa");
        database.setPassword("");
        return database;
    }

    @Test
    void aCallableStatementIsTimedLikeAPreparedOne() throws SQLException {
        try (Connection connection = dataSource().getConnection();
             CallableStatement call = connection.prepareCall("SELECT COUNT(*) FROM " + table() + " WHERE id > ?")) {
            call.setInt(1, 0);
            try (ResultSet rows = call.executeQuery()) {
                assertThat(rows.next()).isTrue();
            }
        }

        assertThat(count("select")).isEqualTo(1);
    }
}
