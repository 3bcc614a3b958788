package io.dwprom.db;

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
 * {@code PrometheusBundle.jdbiFactory()}.
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
        if (dataSource instanceof DataSourceProxy pool) {
            metrics.trackPool(pool::getNumActive);
        }
        return super.build(environment, configuration, new ConnectionErrorCountingDataSource(dataSource, metrics),
                name);
    }

    @Override
    protected void configure(Jdbi jdbi) {
        super.configure(jdbi);
        jdbi.installPlugin(plugin);
    }
}
