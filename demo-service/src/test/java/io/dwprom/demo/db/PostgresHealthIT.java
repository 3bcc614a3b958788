package io.dwprom.demo.db;

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
import java.time.Duration;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's {@code database} health check through a PostgreSQL outage. The demo reaches PostgreSQL at
 * 127.0.0.1:5432 (database {@code test}, user {@code postgres}) through a {@link TcpProxy} that the test
 * partitions, so the shared server keeps running: connections are cut and new ones hang, the hardest case for a
 * scrape (a check that never answers). The scrape must report the check unhealthy within the configured
 * {@code cacheFor + timeout}, and healthy again once the network heals. Skips where PostgreSQL is not reachable;
 * CI starts one.
 */
class PostgresHealthIT {

    private static final String SCHEMA = "demo_health_it";
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test?connectTimeout=3";
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final Duration CACHE_FOR = Duration.ofSeconds(2);
    /** Scrape round trips and polling, on a loaded 2-core machine. */
    private static final Duration SLACK = Duration.ofSeconds(3);

    private static TcpProxy proxy;
    private static DemoApp app;

    @BeforeAll
    static void startTheDemoBehindTheProxy() throws Exception {
        try (Connection connection = DriverManager.getConnection(SERVER, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            statement.execute("CREATE SCHEMA " + SCHEMA);
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL is not reachable at " + SERVER + " as postgres: " + e.getMessage());
        }
        proxy = new TcpProxy("127.0.0.1", 5432);
        app = DemoApp.onDatabase(
                ConfigOverride.config("database.driverClass", "org.postgresql.Driver"),
                ConfigOverride.config("database.url", "jdbc:postgresql://127.0.0.1:" + proxy.port()
                        + "/test?connectTimeout=3&currentSchema=" + SCHEMA),
                ConfigOverride.config("database.user", "postgres"),
                ConfigOverride.config("database.password", ""),
                ConfigOverride.config("prometheus.health.timeout", TIMEOUT.toMillis() + "ms"),
                ConfigOverride.config("prometheus.health.cacheFor", CACHE_FOR.toMillis() + "ms"));
        app.beforeAll(null);
    }

    @AfterAll
    static void stopAndDropTheSchema() throws Exception {
        try {
            if (app != null) {
                proxy.heal();
                app.afterAll(null);
            }
        } finally {
            if (proxy != null) {
                proxy.close();
            }
            try (Connection connection = DriverManager.getConnection(SERVER, "postgres", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
        }
    }

    @Test
    void theDatabaseCheckTurnsUnhealthyWithinTheConfiguredTimeOfAnOutageAndHealthyAfterIt() throws Exception {
        ScrapedMetrics before = awaitDatabaseCheck(1, Duration.ofSeconds(30), "before the outage");
        assertThat(before.value("health_overall_healthy")).isEqualTo(1);
        assertThat(before.value("health_check_healthy", "check", "deadlocks")).isEqualTo(1);

        proxy.partition();
        long cut = System.nanoTime();
        ScrapedMetrics during = awaitDatabaseCheck(0, CACHE_FOR.plus(TIMEOUT).plus(SLACK), "during the outage");
        Duration noticed = Duration.ofNanos(System.nanoTime() - cut);
        assertThat(during.value("health_overall_healthy")).isZero();
        assertThat(during.value("health_check_healthy", "check", "deadlocks")).isEqualTo(1);
        Duration slowest = scrapeThroughTheOutage(Duration.ofSeconds(10));

        proxy.heal();
        long healed = System.nanoTime();
        ScrapedMetrics after = awaitDatabaseCheck(1, Duration.ofSeconds(30), "after the outage");
        Duration recovered = Duration.ofNanos(System.nanoTime() - healed);
        assertThat(after.value("health_overall_healthy")).isEqualTo(1);
        assertThat(app.get("/experiments?limit=1").statusCode()).as("the API after the outage").isEqualTo(200);

        System.out.printf("PostgresHealthIT: unhealthy %d ms after the cut (bound %d ms), slowest scrape during the "
                        + "outage %d ms, healthy %d ms after healing%n", noticed.toMillis(),
                CACHE_FOR.plus(TIMEOUT).plus(SLACK).toMillis(), slowest.toMillis(), recovered.toMillis());
    }

    /**
     * Scrapes for {@code period} while new connections hang: the checks run then never answer, and each scrape
     * must still answer within the timeout (plus slack), reporting the database unhealthy.
     */
    private static Duration scrapeThroughTheOutage(Duration period) throws Exception {
        Duration slowest = Duration.ZERO;
        long end = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < end) {
            long started = System.nanoTime();
            HttpResponse<String> response = app.send(HttpRequest.newBuilder(app.adminUri("/prometheus")).GET());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            slowest = took.compareTo(slowest) > 0 ? took : slowest;
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(new ScrapedMetrics(response.body()).value("health_check_healthy", "check", "database")).isZero();
            assertThat(took).as("a scrape while the check hangs").isLessThan(TIMEOUT.plus(SLACK));
            Thread.sleep(500);
        }
        return slowest;
    }

    /** Scrapes until the {@code database} gauge reads {@code wanted}; fails past {@code within}. */
    private static ScrapedMetrics awaitDatabaseCheck(double wanted, Duration within, String when) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            long started = System.nanoTime();
            HttpResponse<String> response = app.send(HttpRequest.newBuilder(app.adminUri("/prometheus")).GET());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(response.statusCode()).as("a scrape %s", when).isEqualTo(200);
            ScrapedMetrics scrape = new ScrapedMetrics(response.body());
            if (scrape.value("health_check_healthy", "check", "database") == wanted
                    && !scrape.samples("health_check_healthy").isEmpty()) {
                System.out.printf("PostgresHealthIT %s (scrape took %d ms):%n%s%n", when, took.toMillis(),
                        response.body().lines().filter(line -> line.startsWith("health_check_healthy") || line.startsWith("health_overall"))
                                .collect(Collectors.joining("\n")));
                return scrape;
            }
            assertThat(System.nanoTime()).as("the database check reads %s %s within %s", wanted, when, within)
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
