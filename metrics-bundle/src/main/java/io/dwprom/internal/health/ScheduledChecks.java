package io.dwprom.internal.health;

import io.dropwizard.health.HealthStateAggregator;
import io.dropwizard.health.HealthStateView;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The states Dropwizard's scheduled health checks ({@code health:} in config.yml) keep up to date on their own
 * threads. Reading them costs nothing and never runs a check.
 */
final class ScheduledChecks {

    private static final ScheduledChecks NONE = new ScheduledChecks(null);

    private final HealthStateAggregator aggregator;

    private ScheduledChecks(HealthStateAggregator aggregator) {
        this.aggregator = aggregator;
    }

    /** The scheduled states of {@code aggregator}, or none when the application configures no {@code health:}. */
    static ScheduledChecks of(HealthStateAggregator aggregator) {
        return aggregator == null ? NONE : new ScheduledChecks(aggregator);
    }

    /** The current result of each scheduled check, by name. */
    Map<String, CheckResult> results() {
        Map<String, CheckResult> results = new LinkedHashMap<>();
        if (aggregator != null) {
            for (HealthStateView view : aggregator.healthStateViews()) {
                results.put(view.getName(), new CheckResult(view.getName(), view.isHealthy(), view.isCritical()));
            }
        }
        return results;
    }
}
