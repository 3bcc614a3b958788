package io.dwprom.bundle;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.health.DefaultHealthFactory;
import io.dropwizard.health.HealthFactory;
import io.dropwizard.health.HealthStateAggregator;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import io.dwprom.internal.health.HealthCheckThreads;
import io.dwprom.internal.health.HealthMetrics;
import io.prometheus.client.CollectorRegistry;
import jakarta.validation.constraints.NotNull;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How Dropwizard's health checks become the {@code health_*} gauges. Checks that Dropwizard's own {@code health:}
 * section schedules report their scheduled state and are never run by a scrape; the others are run for a scrape
 * on threads of their own, with these bounds.
 *
 * <table>
 * <caption>Keys under {@code prometheus.health}</caption>
 * <tr><th>key</th><th>default</th><th>description</th></tr>
 * <tr><td>enabled</td><td>true</td><td>export the health gauges at all</td></tr>
 * <tr><td>timeout</td><td>3s</td><td>how long a scrape waits for the checks it runs; a check without a result by
 * then, or that took longer, is reported unhealthy</td></tr>
 * <tr><td>cacheFor</td><td>10s</td><td>how long a result is reused by later scrapes; 0 runs the checks at every
 * scrape</td></tr>
 * </table>
 */
public class HealthChecksFactory {

    private boolean enabled = true;
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    private Duration timeout = Duration.seconds(3);
    @NotNull
    @MinDuration(value = 0, unit = TimeUnit.MILLISECONDS)
    private Duration cacheFor = Duration.seconds(10);

    @JsonProperty
    public boolean isEnabled() {
        return enabled;
    }

    @JsonProperty
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @JsonProperty
    public Duration getTimeout() {
        return timeout;
    }

    @JsonProperty
    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    @JsonProperty
    public Duration getCacheFor() {
        return cacheFor;
    }

    @JsonProperty
    public void setCacheFor(Duration cacheFor) {
        this.cacheFor = cacheFor;
    }

    /**
     * Registers the health gauges of {@code environment}'s checks in {@code registry}, reading Dropwizard's scheduled
     * states where {@code configuration} has an enabled {@code health:} section; the check threads stop with the
     * application.
     */
    void register(CollectorRegistry registry, Configuration configuration, Environment environment) {
        ExecutorService threads = HealthCheckThreads.create();
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() {
                threads.shutdownNow();
            }
        });
        HealthMetrics.register(registry, environment.healthChecks(), scheduler(configuration, environment), threads,
                java.time.Duration.ofNanos(timeout.toNanoseconds()), java.time.Duration.ofNanos(cacheFor.toNanoseconds()));
    }

    /** Dropwizard's scheduled states, or null: it sets them up (before bundles run) only for an enabled section. */
    private static HealthStateAggregator scheduler(Configuration configuration, Environment environment) {
        Optional<HealthFactory> health = configuration.getHealthFactory();
        if (health.isEmpty() || health.get() instanceof DefaultHealthFactory factory && !factory.isEnabled()) {
            return null;
        }
        try {
            return environment.health().healthStateAggregator();
        } catch (IllegalStateException notSetUp) { // a HealthFactory of the application's own that sets up none
            return null;
        }
    }
}
