package io.dwprom.internal.db;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dwprom.internal.core.Buckets;
import io.dwprom.internal.core.CardinalityGuard;
import io.dwprom.internal.core.RecordingErrors;
import io.prometheus.client.CollectorRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What an instrumented data source records, on a real database reached through Dropwizard's
 * {@link DataSourceFactory} (its tomcat-jdbc pool): each subclass names the database.
 */
abstract class JdbcScenarios {

    private final CollectorRegistry registry = new CollectorRegistry();
    private final JdbcInstrumentation jdbc = new JdbcInstrumentation(
            new DatabaseMetrics(registry, new CardinalityGuard(registry, 100), Buckets.DB_QUERY_SECONDS),
            new SqlStatementClassifier(100, 100), new RecordingErrors(registry));
    /** A table of this test alone: the PostgreSQL database may be shared. */
    private final String table = "people_" + Integer.toUnsignedString(ThreadLocalRandom.current().nextInt(), 36);
    private ManagedDataSource dataSource;

    /** The database under test, as an application configures it. */
    abstract DataSourceFactory database();

    @BeforeEach
    void createTable() throws Exception {
        dataSource = instrumented(database());
        dataSource.start();
        execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL)");
    }

    @AfterEach
    void dropTable() throws Exception {
        execute("DROP TABLE " + table);
        dataSource.stop();
    }

    @Test
    void everyKindOfStatementIsTimedUnderItsTable() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            for (int id = 1; id <= 2; id++) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO " + table + " (id, name) VALUES (?, ?)")) {
                    insert.setInt(1, id);
                    insert.setString(2, "person-" + id);
                    assertThat(insert.executeUpdate()).isEqualTo(1);
                }
            }
            try (Statement select = connection.createStatement();
                 ResultSet rows = select.executeQuery("SELECT name FROM " + table + " ORDER BY id")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("person-1");
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE " + table + " SET name = ? WHERE id = ?")) {
                update.setString(1, "renamed");
                update.setInt(2, 1);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            try (Statement delete = connection.createStatement()) {
                delete.execute("DELETE FROM " + table + " WHERE id = 2");
            }
        }

        assertThat(count("insert")).isEqualTo(2);
        assertThat(count("select")).isEqualTo(1);
        assertThat(count("update")).isEqualTo(1);
        assertThat(count("delete")).isEqualTo(1);
        assertThat(registry.getSampleValue("db_query_duration_seconds_sum", new String[]{"query_type", "table"},
                new String[]{"insert", table})).isPositive();
    }

    @Test
    void aNotNullViolationIsTimedAndCountedAsAnIntegrityConstraintViolation() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO " + table + " (id, name) VALUES (?, ?)")) {
            insert.setInt(1, 1);
            insert.setNull(2, java.sql.Types.VARCHAR);
            assertThatThrownBy(insert::executeUpdate).isInstanceOf(SQLException.class);
        }

        assertThat(count("insert")).isEqualTo(1);
        assertThat(errors("insert", "integrity_constraint_violation")).isEqualTo(1);
    }

    @Test
    void aUniqueViolationIsCountedAsAnIntegrityConstraintViolation() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO " + table + " (id, name) VALUES (1, 'first')");
            assertThatThrownBy(() -> statement.executeUpdate("INSERT INTO " + table + " (id, name) VALUES (1, 'again')"))
                    .isInstanceOf(SQLException.class);
        }

        assertThat(count("insert")).isEqualTo(2);
        assertThat(errors("insert", "integrity_constraint_violation")).isEqualTo(1);
    }

    /** H2 rejects the statement in {@code prepareStatement}, PostgreSQL's driver when it executes: one error either way. */
    @Test
    void aStatementOnAnUnknownTableIsCountedOnceWhereverTheDriverRejectsIt() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThatThrownBy(() -> {
                try (PreparedStatement select = connection.prepareStatement("SELECT name FROM no_such_table")) {
                    select.executeQuery().close();
                }
            }).isInstanceOf(SQLException.class);
        }

        assertThat(errors("select", "syntax_error_or_access_rule_violation")).isEqualTo(1);
        assertThat(totalErrors()).isEqualTo(1);
    }

    @Test
    void aBatchIsOneObservationUnderTheTypeOfItsStatements() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + table + " (id, name) VALUES (?, ?)")) {
                for (int id = 1; id <= 3; id++) {
                    insert.setInt(1, id);
                    insert.setString(2, "person-" + id);
                    insert.addBatch();
                }
                assertThat(insert.executeBatch()).containsExactly(1, 1, 1);
            }
            try (Statement statement = connection.createStatement()) {
                statement.addBatch("UPDATE " + table + " SET name = 'a' WHERE id = 1");
                statement.addBatch("UPDATE " + table + " SET name = 'b' WHERE id = 2");
                statement.executeBatch();
            }
        }

        assertThat(count("insert")).isEqualTo(1);
        assertThat(count("update")).isEqualTo(1);
    }

    @Test
    void theConnectionsGaugeCountsTheBorrowedConnectionsOfThePool() throws SQLException {
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            assertThat(first.isValid(1)).isTrue();
            assertThat(second.isValid(1)).isTrue();
            assertThat(registry.getSampleValue(DatabaseMetrics.CONNECTIONS)).isEqualTo(2.0);
        }
        assertThat(registry.getSampleValue(DatabaseMetrics.CONNECTIONS)).isZero();
    }

    @Test
    void failuresToConnectAreCounted() throws Exception {
        DataSourceFactory unreachable = new DataSourceFactory();
        unreachable.setDriverClass("org.h2.Driver");
        unreachable.setUrl("jdbc:h2:tcp://127.0.0.1:1/nothing-listens-here");
        unreachable.setInitialSize(0);
        unreachable.setMinSize(0);
        ManagedDataSource down = instrumented(unreachable);

        assertThatThrownBy(down::getConnection).isInstanceOf(SQLException.class);
        assertThat(registry.getSampleValue("db_connection_errors_total")).isEqualTo(1.0);
        down.stop();
    }

    @Test
    void aStatementAnswersTheConnectionItWasCreatedFrom() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT 1")) {
            assertThat(statement.getConnection()).isSameAs(connection);
        }
    }

    ManagedDataSource dataSource() {
        return dataSource;
    }

    String table() {
        return table;
    }

    private ManagedDataSource instrumented(DataSourceFactory factory) {
        return JdbcInstrumentation.instrument(factory, () -> Optional.of(jdbc))
                .build(new MetricRegistry(), "test-" + table);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    double count(String queryType) {
        Double value = registry.getSampleValue("db_query_duration_seconds_count",
                new String[]{"query_type", "table"}, new String[]{queryType, table});
        return value == null ? 0 : value;
    }

    private double totalErrors() {
        return java.util.Collections.list(registry.metricFamilySamples()).stream()
                .filter(family -> family.name.equals("db_query_errors"))
                .flatMap(family -> family.samples.stream())
                .filter(sample -> sample.name.equals("db_query_errors_total"))
                .mapToDouble(sample -> sample.value).sum();
    }

    private double errors(String queryType, String errorType) {
        Double value = registry.getSampleValue("db_query_errors_total",
                new String[]{"query_type", "error_type"}, new String[]{queryType, errorType});
        return value == null ? 0 : value;
    }
}
