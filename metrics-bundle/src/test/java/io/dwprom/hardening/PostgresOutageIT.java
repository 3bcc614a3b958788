package io.dwprom.hardening;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dwprom.testapp.RunningApp;
import io.dwprom.testapp.ScrapedMetrics;
import io.dwprom.testapp.TestConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away mid-traffic: the PostgreSQL server at 127.0.0.1:5432 (database {@code test}, user
 * {@code postgres}) cuts every connection of this application while statements run. Requests answer (500 while
 * the database is gone, 200 again after), the SQL errors are counted by their SQLState class, and the service
 * recovers. Skips where no PostgreSQL listens; CI starts one.
 */
@EnabledIf(value = "postgresListens", disabledReason = "no PostgreSQL at 127.0.0.1:5432; CI starts one")
@ExtendWith(DropwizardExtensionsSupport.class)
class PostgresOutageIT {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String APPLICATION_NAME = "dwprom-outage-test";
    private static final RunningApp APP = RunningApp.create(
            "database.driverClass", "org.postgresql.Driver",
            "database.url", URL + "?ApplicationName=" + APPLICATION_NAME,
            "database.user", "postgres",
            "database.password", "");
    @RegisterExtension
    static final DropwizardAppExtension<TestConfiguration> EXTENSION = APP.extension();

    @Test
    void requestsSurviveTheDatabaseCuttingEveryConnectionAndTheErrorsAreCounted() throws Exception {
        ConcurrentHashMap<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        int cut;
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                running.add(clients.submit(() -> {
                    while (!stop.get()) {
                        int status = APP.get("/db/sleep").statusCode();
                        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                    }
                }));
            }
            Thread.sleep(500);
            cut = cutConnections();
            Thread.sleep(1000);
            stop.set(true);
            for (Future<?> client : running) {
                client.get(1, TimeUnit.MINUTES);
            }
        } finally {
            stop.set(true);
            clients.shutdownNow();
        }

        assertThat(APP.get("/db/sleep").statusCode()).as("after the outage").isEqualTo(200);
        ScrapedMetrics scrape = new ScrapedMetrics(APP.scrape());
        double errors = scrape.sum("db_query_errors_total");
        assertThat(cut).as("connections cut").isGreaterThan(0);
        assertThat(statuses.keySet()).as("statuses seen").isSubsetOf(200, 500);
        assertThat(errors).as("SQL errors counted").isGreaterThan(0);
        assertThat(statuses.getOrDefault(500, new LongAdder()).sum()).isLessThanOrEqualTo((long) errors);
        assertThat(scrape.value("http_requests_in_flight")).isZero();
        System.out.printf("PostgresOutageIT: %d connections cut, statuses %s, %.0f SQL errors counted%n",
                cut, statuses, errors);
    }

    private static int cutConnections() throws Exception {
        try (Connection admin = DriverManager.getConnection(URL, "postgres", "");
             Statement statement = admin.createStatement();
             ResultSet killed = statement.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                     + " WHERE application_name = '" + APPLICATION_NAME + "' AND pid <> pg_backend_pid()")) {
            killed.next();
            return killed.getInt(1);
        }
    }

    static boolean postgresListens() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
