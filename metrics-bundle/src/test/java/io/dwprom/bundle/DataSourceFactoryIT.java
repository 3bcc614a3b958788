package io.dwprom.bundle;

import io.dropwizard.core.ConfiguredBundle;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dwprom.metrics.MetricsException;
import io.dwprom.testapp.RunningApp;
import io.dwprom.testapp.ScrapedMetrics;
import io.dwprom.testapp.TestApplication;
import io.dwprom.testapp.TestConfiguration;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link PrometheusBundle#dataSourceFactory} in a running application: used by a bundle added before the Prometheus
 * bundle (as a {@code HibernateBundle} may be), under a Jdbi from {@link PrometheusBundle#jdbiFactory()}, and
 * without the bundle ever running.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DataSourceFactoryIT {

    private static final RunningApp APP = RunningApp.of(EarlyDataSourceApplication.class, "test-app.yml");
    @RegisterExtension
    static final DropwizardAppExtension<TestConfiguration> EXTENSION = APP.extension();

    /** The test application with a bundle ahead of the Prometheus bundle that builds and manages a data source. */
    public static class EarlyDataSourceApplication extends TestApplication {

        private ManagedDataSource early;

        @Override
        public void initialize(Bootstrap<TestConfiguration> bootstrap) {
            bootstrap.addBundle(new ConfiguredBundle<TestConfiguration>() {
                @Override
                public void run(TestConfiguration configuration, Environment environment) {
                    early = prometheus().dataSourceFactory(configuration.getDatabase())
                            .build(environment.metrics(), "early");
                    environment.lifecycle().manage(early);
                }
            });
            super.initialize(bootstrap);
        }
    }

    @Test
    void aDataSourceBuiltBeforeTheBundleRanTimesItsStatements() throws SQLException {
        ManagedDataSource early = ((EarlyDataSourceApplication) APP.application()).early;
        ScrapedMetrics before = scrape();

        try (Connection connection = early.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM items");
             ResultSet rows = select.executeQuery()) {
            assertThat(rows.next()).isTrue();
        }

        assertThat(delta(before, scrape(), "db_query_duration_seconds_count", "query_type", "select",
                "table", "items")).isEqualTo(1);
    }

    @Test
    void aJdbiOverAnInstrumentedDataSourceTimesEachStatementOnce() {
        Environment environment = EXTENSION.getEnvironment();
        PrometheusBundle<TestConfiguration> prometheus = APP.application().prometheus();
        Jdbi jdbi = prometheus.jdbiFactory().build(environment,
                prometheus.dataSourceFactory(EXTENSION.getConfiguration().getDatabase()), "once");
        long dropwizardTimer = environment.metrics().timer("sql.raw").getCount();
        ScrapedMetrics before = scrape();

        jdbi.useHandle(handle -> handle.execute("INSERT INTO items (id, name) VALUES (900, 'once')"));
        assertThatThrownBy(() -> jdbi.useHandle(handle -> handle.execute("SELECT name FROM no_such_table")))
                .hasRootCauseInstanceOf(SQLException.class);

        ScrapedMetrics after = scrape();
        assertThat(delta(before, after, "db_query_duration_seconds_count", "query_type", "insert", "table", "items"))
                .isEqualTo(1);
        assertThat(delta(before, after, "db_query_errors_total", "query_type", "select",
                "error_type", "syntax_error_or_access_rule_violation")).isEqualTo(1);
        assertThat(environment.metrics().timer("sql.raw").getCount()).as("Dropwizard's own timer")
                .isGreaterThan(dropwizardTimer);
    }

    @Test
    void theJdbiPluginOnAJdbiOverAnInstrumentedDataSourceLeavesTheTimingToIt() throws Exception {
        PrometheusBundle<TestConfiguration> prometheus = APP.application().prometheus();
        ManagedDataSource dataSource = prometheus.dataSourceFactory(EXTENSION.getConfiguration().getDatabase())
                .build(EXTENSION.getEnvironment().metrics(), "by-hand");
        Jdbi jdbi = Jdbi.create(dataSource).installPlugin(prometheus.metrics().jdbiPlugin());
        ScrapedMetrics before = scrape();

        jdbi.useHandle(handle -> handle.execute("INSERT INTO items (id, name) VALUES (901, 'by hand')"));
        assertThatThrownBy(() -> jdbi.useHandle(handle -> handle.execute("SELECT name FROM no_such_table")))
                .hasRootCauseInstanceOf(SQLException.class);

        ScrapedMetrics after = scrape();
        assertThat(delta(before, after, "db_query_duration_seconds_count", "query_type", "insert", "table", "items"))
                .isEqualTo(1);
        assertThat(delta(before, after, "db_query_errors_total", "query_type", "select",
                "error_type", "syntax_error_or_access_rule_violation")).isEqualTo(1);
        dataSource.stop();
    }

    @Test
    void connectionsBeforeAnAddedBundleRunsPassThroughUntimed() throws SQLException {
        PrometheusBundle<TestConfiguration> notYetRun = new PrometheusBundle<>(TestConfiguration::getPrometheus);
        notYetRun.initialize(null);
        DataSourceFactory database = new DataSourceFactory();
        database.setDriverClass("org.h2.Driver");
        database.setUrl("jdbc:h2:mem:not-yet-run");
        ManagedDataSource dataSource = notYetRun.dataSourceFactory(database)
                .build(EXTENSION.getEnvironment().metrics(), "not-yet-run");

        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.isValid(1)).isTrue();
            assertThat(connection.getClass().getSimpleName()).isNotEqualTo("TimedConnection");
        }
    }

    @Test
    void aDataSourceOfABundleThatWasNeverAddedFailsAtItsFirstConnection() {
        PrometheusBundle<TestConfiguration> neverRun = new PrometheusBundle<>(TestConfiguration::getPrometheus);
        DataSourceFactory database = new DataSourceFactory();
        database.setDriverClass("org.h2.Driver");
        database.setUrl("jdbc:h2:mem:never-run");
        ManagedDataSource dataSource = neverRun.dataSourceFactory(database)
                .build(EXTENSION.getEnvironment().metrics(), "never-run");

        assertThatThrownBy(dataSource::getConnection).isInstanceOf(MetricsException.class)
                .hasMessageContaining("the Prometheus bundle never ran")
                .extracting(failure -> ((MetricsException) failure).kind())
                .isEqualTo(MetricsException.Kind.NOT_INITIALISED);
    }

    private static double delta(ScrapedMetrics before, ScrapedMetrics after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    private static ScrapedMetrics scrape() {
        return new ScrapedMetrics(APP.scrape());
    }
}
