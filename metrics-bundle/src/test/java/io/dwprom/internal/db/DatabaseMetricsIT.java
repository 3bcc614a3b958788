package io.dwprom.internal.db;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dwprom.testapp.RunningApp;
import io.dwprom.testapp.ScrapedMetrics;
import io.dwprom.testapp.TestConfiguration;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Database families against a running application on a real (in-memory H2) database. */
@ExtendWith(DropwizardExtensionsSupport.class)
class DatabaseMetricsIT {

    private static final RunningApp APP = RunningApp.create();
    @RegisterExtension
    static final DropwizardAppExtension<TestConfiguration> EXTENSION = APP.extension();

    @Test
    void everyExecutedStatementIsTimedByQueryTypeAndTable() {
        ScrapedMetrics before = scrape();
        for (int id = 100; id < 103; id++) {
            assertThat(post("/db/items/" + id).statusCode()).isEqualTo(200);
        }
        assertThat(APP.get("/db/items").body()).contains("item-100", "item-102");

        ScrapedMetrics after = scrape();
        assertThat(delta(before, after, "db_query_duration_seconds_count", "query_type", "insert", "table", "items"))
                .isEqualTo(3);
        assertThat(delta(before, after, "db_query_duration_seconds_count", "query_type", "select", "table", "items"))
                .isEqualTo(1);
        assertThat(after.type("db_query_duration_seconds")).isEqualTo("histogram");
        assertThat(after.samples("db_query_duration_seconds_bucket").stream()
                .filter(s -> "insert".equals(s.labels().get("query_type"))).map(s -> s.labels().get("le")))
                .containsExactly("1.0E-4", "5.0E-4", "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1",
                        "0.5", "1.0", "+Inf");
    }

    @Test
    void executionErrorsAreCountedByTheirSqlStateClass() {
        post("/db/items/200");
        ScrapedMetrics before = scrape();

        assertThat(post("/db/items/200").statusCode()).isEqualTo(500);

        assertThat(delta(before, scrape(), "db_query_errors_total", "query_type", "insert",
                "error_type", "integrity_constraint_violation")).isEqualTo(1);
    }

    @Test
    void errorsWhilePreparingAStatementAreCountedToo() {
        ScrapedMetrics before = scrape();

        assertThat(APP.get("/db/missing-table").statusCode()).isEqualTo(500);

        assertThat(delta(before, scrape(), "db_query_errors_total", "query_type", "select",
                "error_type", "syntax_error_or_access_rule_violation")).isEqualTo(1);
    }

    @Test
    void failuresToConnectAreCounted() {
        ScrapedMetrics before = scrape();

        assertThat(APP.get("/db/unreachable").statusCode()).isEqualTo(500);

        assertThat(delta(before, scrape(), "db_connection_errors_total")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theConnectionsGaugeCountsBorrowedConnections() {
        Jdbi jdbi = APP.application().prometheus().jdbiFactory().build(EXTENSION.getEnvironment(),
                EXTENSION.getConfiguration().getDatabase(), "gauge-check");
        double idle = scrape().value("db_connections_active");
        try (Handle first = jdbi.open(); Handle second = jdbi.open()) {
            first.execute("SELECT 1");
            second.execute("SELECT 1");
            assertThat(scrape().value("db_connections_active")).isEqualTo(idle + 2);
        }
        assertThat(scrape().value("db_connections_active")).isEqualTo(idle);
    }

    @Test
    void dropwizardsOwnStatementTimerStillSeesEveryStatement() {
        long before = EXTENSION.getEnvironment().metrics().timer("sql.raw").getCount();
        APP.get("/db/items");

        assertThat(EXTENSION.getEnvironment().metrics().timer("sql.raw").getCount()).isEqualTo(before + 1);
        assertThat(scrape().type("jdbi_raw_statement_seconds")).isEqualTo("summary");
    }

    private static double delta(ScrapedMetrics before, ScrapedMetrics after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    private static java.net.http.HttpResponse<String> post(String path) {
        return APP.send("POST", path, HttpRequest.BodyPublishers.noBody());
    }

    private static ScrapedMetrics scrape() {
        return new ScrapedMetrics(APP.scrape());
    }
}
