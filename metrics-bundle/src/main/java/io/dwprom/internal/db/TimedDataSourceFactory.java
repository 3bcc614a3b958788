package io.dwprom.internal.db;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.db.PooledDataSourceFactory;
import io.dropwizard.util.Duration;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** A {@link PooledDataSourceFactory} delegating everything, whose data sources are {@link TimedDataSource}s. */
final class TimedDataSourceFactory implements PooledDataSourceFactory {

    private final PooledDataSourceFactory delegate;
    private final Supplier<Optional<JdbcInstrumentation>> instrumentation;

    TimedDataSourceFactory(PooledDataSourceFactory delegate, Supplier<Optional<JdbcInstrumentation>> instrumentation) {
        this.delegate = delegate;
        this.instrumentation = instrumentation;
    }

    @Override
    public ManagedDataSource build(MetricRegistry metricRegistry, String name) {
        return new TimedDataSource(delegate.build(metricRegistry, name), instrumentation);
    }

    @Override
    public boolean isAutoCommentsEnabled() {
        return delegate.isAutoCommentsEnabled();
    }

    @Override
    public Map<String, String> getProperties() {
        return delegate.getProperties();
    }

    @Override
    public Optional<Duration> getValidationQueryTimeout() {
        return delegate.getValidationQueryTimeout();
    }

    @Override
    public Optional<String> getValidationQuery() {
        return delegate.getValidationQuery();
    }

    @Override
    public String getDriverClass() {
        return delegate.getDriverClass();
    }

    @Override
    public String getUrl() {
        return delegate.getUrl();
    }

    @Override
    public void asSingleConnectionPool() {
        delegate.asSingleConnectionPool();
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
