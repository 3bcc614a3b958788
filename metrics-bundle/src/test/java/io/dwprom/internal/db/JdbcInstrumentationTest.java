package io.dwprom.internal.db;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.db.PooledDataSourceFactory;
import io.dwprom.internal.core.Buckets;
import io.dwprom.internal.core.CardinalityGuard;
import io.dwprom.internal.core.RecordingErrors;
import io.dwprom.metrics.MetricsException;
import io.prometheus.client.CollectorRegistry;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When an instrumented data source finds its instrumentation, and what it does without one. */
class JdbcInstrumentationTest {

    private final CollectorRegistry registry = new CollectorRegistry();
    private final JdbcInstrumentation jdbc = new JdbcInstrumentation(
            new DatabaseMetrics(registry, new CardinalityGuard(registry, 100), Buckets.DB_QUERY_SECONDS),
            new SqlStatementClassifier(100, 100), new RecordingErrors(registry));

    @Test
    void theInstrumentationIsResolvedOnceAtTheFirstConnectionNotWhenTheDataSourceIsBuilt() throws Exception {
        AtomicInteger resolutions = new AtomicInteger();
        ManagedDataSource dataSource = JdbcInstrumentation.instrument(h2(), () -> {
            resolutions.incrementAndGet();
            return Optional.of(jdbc);
        }).build(new MetricRegistry(), "lazy");
        assertThat(resolutions).hasValue(0);

        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            assertThat(timed(first)).isTrue();
            assertThat(timed(second)).isTrue();
        }
        assertThat(resolutions).hasValue(1);
        dataSource.stop();
    }

    @Test
    void withoutInstrumentationConnectionsPassThroughAndNothingIsRecorded() throws Exception {
        ManagedDataSource dataSource = JdbcInstrumentation.instrument(h2(), Optional::empty)
                .build(new MetricRegistry(), "disabled");
        dataSource.start();

        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("SELECT 1");
            assertThat(timed(connection)).isFalse();
        }
        assertThat(registry.getSampleValue("db_query_duration_seconds_count",
                new String[]{"query_type", "table"}, new String[]{"select", "unknown"})).isNull();
        dataSource.stop();
    }

    @Test
    void aResolutionFailureSurfacesWhenTheDataSourceStarts() {
        ManagedDataSource dataSource = JdbcInstrumentation.instrument(h2(), () -> {
            throw new MetricsException(MetricsException.Kind.NOT_INITIALISED, "never ran");
        }).build(new MetricRegistry(), "orphan");

        assertThatThrownBy(dataSource::start).isInstanceOf(MetricsException.class).hasMessage("never ran");
    }

    @Test
    void aFactoryIsInstrumentedOnlyOnce() {
        PooledDataSourceFactory once = JdbcInstrumentation.instrument(h2(), () -> Optional.of(jdbc));

        assertThat(JdbcInstrumentation.instrument(once, () -> Optional.of(jdbc))).isSameAs(once);
        assertThat(JdbcInstrumentation.isInstrumented(once.build(new MetricRegistry(), "once"))).isTrue();
    }

    @Test
    void theFactoryDelegatesItsConfiguration() {
        DataSourceFactory h2 = h2();
        h2.setValidationQuery("/* check */ SELECT 2");
        PooledDataSourceFactory instrumented = JdbcInstrumentation.instrument(h2, () -> Optional.of(jdbc));

        assertThat(instrumented.getUrl()).isEqualTo(h2.getUrl());
        assertThat(instrumented.getDriverClass()).isEqualTo("org.h2.Driver");
        assertThat(instrumented.getValidationQuery()).contains("/* check */ SELECT 2");
        assertThat(instrumented.getProperties()).isSameAs(h2.getProperties());
        assertThat(instrumented.isAutoCommentsEnabled()).isEqualTo(h2.isAutoCommentsEnabled());
    }

    private static boolean timed(Connection connection) {
        return connection instanceof TimedConnection;
    }

    private static DataSourceFactory h2() {
        DataSourceFactory database = new DataSourceFactory();
        database.setDriverClass("org.h2.Driver");
        database.setUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        database.setUser("sa");
        database.setPassword("");
        return database;
    }
}
