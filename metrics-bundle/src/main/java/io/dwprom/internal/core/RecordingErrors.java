package io.dwprom.internal.core;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * Where a failure to record a metric ends up: counted in {@code dwprom_recording_errors_total{component}} and
 * logged at most once a minute per component, never thrown into the request being observed.
 */
public final class RecordingErrors {

    public static final String FAMILY = "dwprom_recording_errors_total";
    private static final Logger LOG = LoggerFactory.getLogger(RecordingErrors.class);

    private final Counter errors;
    private final RateLimitedLog rateLimit = new RateLimitedLog(1, TimeUnit.MINUTES);

    public RecordingErrors(CollectorRegistry registry) {
        this.errors = Counter.build(FAMILY, "Metric recordings that failed and were dropped, by bundle component.")
                .labelNames("component")
                .withoutExemplars()
                .register(registry);
    }

    /** Counts and (rate-limited) logs a failure of {@code component}; never throws. */
    public void record(String component, Throwable failure) {
        try {
            errors.labels(component).inc();
            if (rateLimit.shouldLog(component)) {
                LOG.warn("Dropped a metric recording in {} (further failures counted in {}, logged once a minute)",
                        component, FAMILY, failure);
            }
        } catch (RuntimeException ignored) {
            // Recording the failure of a recording must not fail either.
        }
    }

    /** Failures counted so far for {@code component}. */
    public double count(String component) {
        return errors.labels(component).get();
    }
}
