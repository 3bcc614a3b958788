package io.dwprom.benchmarks;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.db.PooledDataSourceFactory;
import io.dropwizard.util.Duration;
import io.dwprom.internal.Recorders;
import io.dwprom.internal.db.DatabaseMetrics;
import io.dwprom.internal.db.JdbcInstrumentation;
import io.dwprom.internal.db.SqlErrorType;
import io.dwprom.internal.db.SqlStatement;
import io.dwprom.internal.db.SqlStatementClassifier;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.NanoTimeStopwatchFactory;
import net.ttddyy.dsproxy.proxy.ProxyConfig;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Goal 2, SQL through JDBC: one statement as an application runs it (prepare, bind one parameter, execute, read the
 * row, close) on an in-memory H2 database behind Dropwizard's pool, directly and through the statement timing of
 * {@code PrometheusBundle#dataSourceFactory} (its connection and statement proxies, the cached classification and the
 * histogram observation). {@code datasourceProxy} is the same statement through {@code net.ttddyy:datasource-proxy}
 * 1.10.1 with a listener recording the same observation, the library this layer was measured against. Each variant
 * holds one borrowed connection; the difference to {@code direct} is the cost per statement. On a shared machine
 * the statement's own few microseconds drift more than that difference between iterations: {@link
 * JdbcPairedBenchmark} times the variants alternately within one operation; this class gives the allocation
 * ({@code -prof gc}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JdbcProxyBenchmark {

    static final String SQL = "SELECT id, name FROM experiments WHERE id = ?";

    private ManagedDataSource pool;
    private ManagedDataSource instrumented;
    Connection direct;
    Connection bundle;
    Connection datasourceProxy;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        DataSourceFactory database = new DataSourceFactory();
        database.setDriverClass("org.h2.Driver");
        database.setUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        database.setUser("sa");
        database.setPassword("");
        database.setMinSize(3);
        database.setInitialSize(3);
        pool = database.build(new MetricRegistry(), "direct");
        pool.start();
        try (Connection setup = pool.getConnection(); Statement ddl = setup.createStatement()) {
            ddl.execute("CREATE TABLE experiments (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL)");
            ddl.execute("INSERT INTO experiments (id, name) VALUES (1, 'baseline')");
        }
        // Every variant borrows from this one pool: H2 sessions that did the same work, behind the same pool proxy.
        direct = pool.getConnection();

        Recorders metrics = Fixtures.bundle();
        instrumented = JdbcInstrumentation.instrument(new SamePool(database, pool),
                () -> Optional.of(metrics.jdbcInstrumentation())).build(new MetricRegistry(), "bundle");
        bundle = instrumented.getConnection();

        Recorders proxyMetrics = Fixtures.bundle();
        ProxyDataSource proxy = new ProxyDataSource(pool);
        proxy.setProxyConfig(ProxyConfig.Builder.create()
                .queryListener(new RecordingListener(proxyMetrics.database(), new SqlStatementClassifier(10_000, 200)))
                .stopwatchFactory(new NanoTimeStopwatchFactory())
                .build());
        datasourceProxy = proxy.getConnection();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        datasourceProxy.close();
        bundle.close();
        direct.close();
        pool.stop();
    }

    @Benchmark
    public int direct() throws SQLException {
        return select(direct);
    }

    @Benchmark
    public int bundle() throws SQLException {
        return select(bundle);
    }

    @Benchmark
    public int datasourceProxy() throws SQLException {
        return select(datasourceProxy);
    }

    static int select(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SQL)) {
            statement.setInt(1, 1);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** A factory whose {@code build} answers an existing pool, so that the instrumented variant shares it. */
    private static final class SamePool implements PooledDataSourceFactory {

        private final PooledDataSourceFactory configuration;
        private final ManagedDataSource pool;

        SamePool(PooledDataSourceFactory configuration, ManagedDataSource pool) {
            this.configuration = configuration;
            this.pool = pool;
        }

        @Override
        public ManagedDataSource build(MetricRegistry metricRegistry, String name) {
            return pool;
        }

        @Override
        public boolean isAutoCommentsEnabled() {
            return configuration.isAutoCommentsEnabled();
        }

        @Override
        public Map<String, String> getProperties() {
            return configuration.getProperties();
        }

        @Override
        public Optional<Duration> getValidationQueryTimeout() {
            return configuration.getValidationQueryTimeout();
        }

        @Override
        public Optional<String> getValidationQuery() {
            return configuration.getValidationQuery();
        }

        @Override
        public String getDriverClass() {
            return configuration.getDriverClass();
        }

        @Override
        public String getUrl() {
            return configuration.getUrl();
        }

        @Override
        public void asSingleConnectionPool() {
            configuration.asSingleConnectionPool();
        }
    }

    /** What the bundle would record through datasource-proxy: the duration by labels, and errors by SQLState. */
    private static final class RecordingListener implements QueryExecutionListener {

        private final DatabaseMetrics metrics;
        private final SqlStatementClassifier classifier;

        RecordingListener(DatabaseMetrics metrics, SqlStatementClassifier classifier) {
            this.metrics = metrics;
            this.classifier = classifier;
        }

        @Override
        public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        }

        @Override
        public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
            SqlStatement statement = classifier.classify(queries.isEmpty() ? null : queries.get(0).getQuery());
            metrics.recordQueryNanos(statement.queryType(), statement.table(), execution.getElapsedTime());
            if (execution.getThrowable() != null) {
                metrics.recordQueryError(statement.queryType(), SqlErrorType.of(execution.getThrowable()));
            }
        }
    }
}
