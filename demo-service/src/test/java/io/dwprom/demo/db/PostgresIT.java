package io.dwprom.demo.db;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.testing.ConfigOverride;
import io.dwprom.demo.DemoApp;
import io.dwprom.testapp.ScrapedMetrics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static io.dwprom.demo.DemoApp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo against PostgreSQL at 127.0.0.1:5432 (database {@code test}, user {@code postgres}, no password), in a
 * schema of its own that is dropped before and after, so reruns start clean. Skipped when PostgreSQL is not
 * reachable there; CI starts one.
 */
class PostgresIT {

    private static final String SCHEMA = "demo_it";
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test?connectTimeout=3";
    private static final String URL = SERVER + "&currentSchema=" + SCHEMA;
    private static final String USER = "postgres";

    private static DemoApp app;

    @BeforeAll
    static void startOnPostgresql() throws Exception {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, "")) {
            recreateSchema(connection);
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL is not reachable at " + SERVER + " as " + USER + ": " + e.getMessage());
        }
        app = DemoApp.onDatabase(
                ConfigOverride.config("database.driverClass", "org.postgresql.Driver"),
                ConfigOverride.config("database.url", URL),
                ConfigOverride.config("database.user", USER),
                ConfigOverride.config("database.password", ""));
        app.beforeAll(null);
    }

    @AfterAll
    static void stopAndDropTheSchema() throws Exception {
        if (app == null) {
            return;
        }
        try {
            app.afterAll(null);
        } finally {
            try (Connection connection = DriverManager.getConnection(SERVER, USER, "");
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
        }
    }

    private static void recreateSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            statement.execute("CREATE SCHEMA " + SCHEMA);
        }
    }

    @Test
    void theSchemaIsMigratedIntoTheDedicatedSchema() {
        List<String> tables = app.database().withHandle(h -> h.createQuery(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = :schema")
                .bind("schema", SCHEMA).mapTo(String.class).list());

        assertThat(tables).contains("experiments", "experiment_runs", "models", "datasets", "evaluations",
                "databasechangelog");
    }

    @Test
    void migratingAnUpToDateSchemaAgainChangesNothing() throws Exception {
        DataSourceFactory database = new DataSourceFactory();
        database.setDriverClass("org.postgresql.Driver");
        database.setUrl(URL);
        database.setUser(USER);
        database.setPassword("");

        SchemaMigration.migrate(database);

        assertThat(app.count("databasechangelog")).isEqualTo(1);
    }

    @Test
    void anExperimentLivesThroughItsWholeLifecycleOnPostgresql() {
        ScrapedMetrics before = app.scrape();

        JsonNode experiment = json(app.postJson("/experiments", "{\"name\": \"pg\", \"description\": \"on pg\"}"));
        long id = experiment.get("id").asLong();
        HttpResponse<String> read = app.get("/experiments/" + id);
        HttpResponse<String> list = app.get("/experiments?limit=10");
        JsonNode run = json(app.postEmpty("/experiments/" + id + "/runs"));
        HttpResponse<String> completed = app.postJson("/runs/" + run.get("id").asLong() + "/complete",
                "{\"status\": \"success\"}");
        HttpResponse<String> evaluation = app.postJson("/evaluations",
                "{\"runId\": " + run.get("id").asLong() + ", \"metric\": \"accuracy\", \"score\": 0.75}");

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read)).isEqualTo(experiment);
        assertThat(json(list).findValues("id")).extracting(JsonNode::asLong).contains(id);
        assertThat(run.get("status").asText()).isEqualTo("running");
        assertThat(completed.statusCode()).isEqualTo(200);
        assertThat(Instant.parse(json(completed).get("completedAt").asText()))
                .isAfterOrEqualTo(Instant.parse(run.get("startedAt").asText()));
        assertThat(evaluation.statusCode()).isEqualTo(201);

        ScrapedMetrics after = app.scrape();
        assertThat(after.value("experiments_completed_total", "status", "success"))
                .isEqualTo(before.value("experiments_completed_total", "status", "success") + 1);
        assertThat(after.value("db_query_duration_seconds_count", "query_type", "update", "table", "experiment_runs"))
                .isGreaterThan(0);
    }

    @Test
    void refusalsAreTheSameOnPostgresqlAndWriteNothing() {
        long experiments = app.count("experiments");
        long run = json(app.postEmpty("/experiments/" + json(app.postJson("/experiments", "{\"name\": \"r\"}"))
                .get("id").asLong() + "/runs")).get("id").asLong();
        app.postJson("/runs/" + run + "/complete", "{\"status\": \"failed\"}");

        assertThat(app.get("/experiments/987654").statusCode()).isEqualTo(404);
        assertThat(app.postEmpty("/experiments/987654/runs").statusCode()).isEqualTo(404);
        assertThat(app.postJson("/runs/" + run + "/complete", "{\"status\": \"success\"}").statusCode())
                .isEqualTo(409);
        assertThat(app.postJson("/evaluations", "{\"runId\": 987654, \"metric\": \"m\", \"score\": 1}").statusCode())
                .isEqualTo(422);
        assertThat(app.postJson("/experiments", "{\"name\": \"\"}").statusCode()).isEqualTo(422);
        assertThat(app.count("experiments")).isEqualTo(experiments + 1);
        assertThat(app.count("evaluations")).isZero();
    }

    @Test
    void modelsAndDatasetsAreStoredOnPostgresql() {
        HttpResponse<String> model = app.postJson("/models", "{\"name\": \"mistral-7b\", \"provider\": \"mistral\"}");
        HttpResponse<String> dataset = app.postBytes("/datasets?name=pg.bin", "application/octet-stream",
                HttpRequest.BodyPublishers.ofByteArray(new byte[3000]));

        assertThat(model.statusCode()).isEqualTo(201);
        assertThat(dataset.statusCode()).isEqualTo(201);
        assertThat(json(dataset).get("sizeBytes").asLong()).isEqualTo(3000);
        assertThat(app.count("models")).isEqualTo(1);
        assertThat(app.count("datasets")).isEqualTo(1);
    }
}
