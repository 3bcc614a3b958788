package io.dwprom.internal.health;

import com.codahale.metrics.health.HealthCheckRegistry;
import io.dropwizard.health.HealthStateAggregator;
import io.dwprom.internal.core.RateLimitedLog;
import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.GaugeMetricFamily;
import io.prometheus.client.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Every check of Dropwizard's {@link HealthCheckRegistry} as a gauge, read at each scrape:
 * {@code health_check_healthy{check}} (1 healthy, 0 unhealthy) and {@code health_overall_healthy}.
 *
 * <p>A check that Dropwizard's {@code health:} configuration schedules reports its scheduled state, and the
 * scrape runs nothing. Any other check is run by {@link TimeBoundChecks}: with a timeout, its result cached. The
 * overall state is 0 when any check that counts ({@link CheckResult#counts()}) is unhealthy. Reading the checks
 * never fails a scrape: should the registry itself fail, the scrape shows the overall state 0 and no checks.
 * A scrape that asks for neither family ({@code ?name[]=...}, or a Pushgateway push) runs no check.
 */
public final class HealthMetrics extends Collector implements Collector.Describable {

    public static final String CHECK_HEALTHY = "health_check_healthy";
    public static final String OVERALL_HEALTHY = "health_overall_healthy";
    private static final String CHECK_HELP = "Whether a Dropwizard health check passes (1) or fails, throws or "
            + "times out (0), by check name.";
    private static final String OVERALL_HELP = "Whether every health check that decides the application's state "
            + "passes (1) or not (0).";
    private static final List<String> CHECK_LABELS = List.of("check");
    private static final Logger LOG = LoggerFactory.getLogger(HealthMetrics.class);

    private final HealthCheckRegistry registry;
    private final ScheduledChecks scheduled;
    private final TimeBoundChecks timeBound;
    private final RateLimitedLog failureLog = new RateLimitedLog(1, TimeUnit.MINUTES);

    private HealthMetrics(HealthCheckRegistry registry, ScheduledChecks scheduled, TimeBoundChecks timeBound) {
        this.registry = registry;
        this.scheduled = scheduled;
        this.timeBound = timeBound;
    }

    /**
     * Registers the health families in {@code collectors}.
     *
     * @param checks    the application's health checks ({@code environment.healthChecks()})
     * @param scheduler Dropwizard's scheduled states, or {@code null} when the application configures no
     *                  {@code health:}
     * @param executor  where checks not scheduled by Dropwizard run (see {@link HealthCheckThreads})
     * @param timeout   how long a scrape waits for such checks
     * @param cacheFor  how long a result of such a check is reused
     */
    public static HealthMetrics register(CollectorRegistry collectors, HealthCheckRegistry checks,
                                         HealthStateAggregator scheduler, Executor executor, Duration timeout,
                                         Duration cacheFor) {
        HealthMetrics metrics = new HealthMetrics(checks, ScheduledChecks.of(scheduler),
                new TimeBoundChecks(executor, timeout, cacheFor));
        collectors.register(metrics);
        return metrics;
    }

    @Override
    public List<MetricFamilySamples> describe() {
        return families(List.of(), false);
    }

    @Override
    public List<MetricFamilySamples> collect() {
        return collect(null);
    }

    @Override
    public List<MetricFamilySamples> collect(Predicate<String> sampleNameFilter) {
        if (sampleNameFilter != null
                && !sampleNameFilter.test(CHECK_HEALTHY) && !sampleNameFilter.test(OVERALL_HEALTHY)) {
            return List.of();
        }
        List<CheckResult> results;
        try {
            results = results();
        } catch (RuntimeException failure) {
            if (failureLog.shouldLog("registry")) {
                LOG.warn("Could not read the health checks: reported as unhealthy", failure);
            }
            return families(List.of(), false);
        }
        boolean overall = results.stream().allMatch(result -> result.healthy() || !result.counts());
        List<MetricFamilySamples> families = families(results, overall);
        if (sampleNameFilter == null) {
            return families;
        }
        return families.stream().filter(family -> sampleNameFilter.test(family.name)).toList();
    }

    private List<CheckResult> results() {
        Set<String> names = registry.getNames();
        Map<String, CheckResult> byName = new TreeMap<>();
        Map<String, CheckResult> scheduledResults = scheduled.results();
        scheduledResults.forEach((name, result) -> {
            if (names.contains(name)) {
                byName.put(name, result);
            }
        });
        List<String> unscheduled = names.stream().filter(name -> !scheduledResults.containsKey(name)).toList();
        byName.putAll(timeBound.results(registry, unscheduled));
        return new ArrayList<>(byName.values());
    }

    private static List<MetricFamilySamples> families(List<CheckResult> results, boolean overall) {
        GaugeMetricFamily checks = new GaugeMetricFamily(CHECK_HEALTHY, CHECK_HELP, CHECK_LABELS);
        for (CheckResult result : results) {
            checks.addMetric(List.of(result.name()), result.healthy() ? 1 : 0);
        }
        GaugeMetricFamily state = new GaugeMetricFamily(OVERALL_HEALTHY, OVERALL_HELP, List.of());
        state.addMetric(List.of(), overall ? 1 : 0);
        return List.of(checks, state);
    }
}
