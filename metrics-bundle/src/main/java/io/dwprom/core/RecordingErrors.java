package io.dwprom.core;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where a failure to record a metric ends up: counted in {@code dwprom_recording_errors_total{component}} and
 * logged at most once a minute per component, never thrown into the request being observed.
 */
public final class RecordingErrors {

    public static final String FAMILY = "dwprom_recording_errors_total";
    private static final Logger LOG = LoggerFactory.getLogger(RecordingErrors.class);
    private static final long LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Counter errors;
    private final ConcurrentMap<String, AtomicLong> lastLogged = new ConcurrentHashMap<>();

    public RecordingErrors(CollectorRegistry registry) {
        this.errors = Counter.build(FAMILY, "Metric recordings that failed and were dropped, by bundle component.")
                .labelNames("component")
                .register(registry);
    }

    /** Counts and (rate-limited) logs a failure of {@code component}; never throws. */
    public void record(String component, Throwable failure) {
        try {
            errors.labels(component).inc();
            AtomicLong last = lastLogged.computeIfAbsent(component, c -> new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS));
            long now = System.nanoTime();
            long previous = last.get();
            if (now - previous >= LOG_INTERVAL_NANOS && last.compareAndSet(previous, now)) {
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
