package io.dwprom.internal.db;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.db.PooledDataSourceFactory;
import io.dropwizard.jdbi3.JdbiFactory;
import org.apache.tomcat.jdbc.pool.DataSourceProxy;
import org.jdbi.v3.core.Jdbi;

/**
 * A drop-in replacement for Dropwizard's {@link JdbiFactory}: the Jdbi it builds keeps everything Dropwizard sets
 * up (health check, managed pool, per-statement timers) and also feeds {@link DatabaseMetrics}: statement
 * durations and errors, connection errors, and the active connections of its pool. Get one from
 * {@code PrometheusBundle.jdbiFactory()}. Over a data source from {@code PrometheusBundle.dataSourceFactory(...)},
 * whose connections already time every statement, the Jdbi is Dropwizard's alone, so no statement is timed twice.
 */
public class PrometheusJdbiFactory extends JdbiFactory {

    private final DatabaseMetrics metrics;
    private final PrometheusJdbiPlugin plugin;

    public PrometheusJdbiFactory(DatabaseMetrics metrics, PrometheusJdbiPlugin plugin) {
        this.metrics = metrics;
        this.plugin = plugin;
    }

    @Override
    public Jdbi build(Environment environment, PooledDataSourceFactory configuration, ManagedDataSource dataSource,
                      String name) {
        if (JdbcInstrumentation.isInstrumented(dataSource)) {
            return super.build(environment, configuration, dataSource, name);
        }
        if (dataSource instanceof DataSourceProxy pool) {
            metrics.trackPool(pool::getNumActive);
        }
        Jdbi jdbi = super.build(environment, configuration, new ConnectionErrorCountingDataSource(dataSource, metrics),
                name);
        // After Dropwizard's configure(Jdbi), so that the plugin wraps the SqlLogger Dropwizard set.
        jdbi.installPlugin(plugin);
        return jdbi;
    }
}
