package io.dwprom.metrics;

import io.dwprom.internal.core.CardinalityGuard;
import io.dwprom.internal.core.ScrapeBarrier;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import io.prometheus.client.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Record metrics by name and labels, creating each family on first use:
 *
 * <pre>{@code
 * helpers.observeDuration("custom_operation_seconds", elapsed, Labels.of("type", "processing"));
 * helpers.incrementCounter("custom_events_total", Labels.of("status", "success"));
 * helpers.setGauge("queue_size", 42, Labels.empty());
 * }</pre>
 *
 * A name keeps the type and label names of its first use; using it otherwise throws a {@link MetricsException}
 * of kind {@code CONFLICTING_DEFINITION}, as does a name already taken by another collector, an invalid metric or
 * label name, or a histogram label named {@code le}: these are mistakes in the calling code. Histograms get the
 * HTTP duration buckets, and every family is bounded by the {@link CardinalityGuard}.
 *
 * <p>The number of families the helpers create is bounded too ({@code prometheus.maxHelperFamilies}): once it is
 * reached, a recording into a further name is dropped, counted in {@value #REFUSED_FAMILIES} and logged once, and
 * never throws, so that a name built from data (a user id in the name) cannot grow memory without end nor break
 * the request being observed. Families for a fixed set of metrics are better defined once in a class of their own.
 */
public final class MetricHelpers {

    /** The counter of recordings dropped because the helpers had created their maximum number of families. */
    public static final String REFUSED_FAMILIES = "dwprom_helper_families_refused_total";
    private static final Logger LOG = LoggerFactory.getLogger(MetricHelpers.class);

    private final CollectorRegistry registry;
    private final ScrapeBarrier barrier;
    private final CardinalityGuard guard;
    private final double[] histogramBuckets;
    private final ConcurrentMap<String, DynamicFamily> families = new ConcurrentHashMap<>();
    private final Object creationLock = new Object();
    private final int maxFamilies;
    private final Counter refusedFamilies;
    private final AtomicBoolean refusalLogged = new AtomicBoolean();
    private final Map<DynamicFamily.Type, DynamicFamily> sinks = new EnumMap<>(DynamicFamily.Type.class);

    /**
     * Made by the bundle: an application gets its helpers from {@code PrometheusMetrics#helpers()} or by injection.
     *
     * @param maxFamilies how many families these helpers create at most
     */
    public MetricHelpers(CollectorRegistry registry, ScrapeBarrier barrier, CardinalityGuard guard,
                         double[] histogramBuckets, int maxFamilies) {
        this.registry = registry;
        this.barrier = barrier;
        this.guard = guard;
        this.histogramBuckets = histogramBuckets.clone();
        this.maxFamilies = maxFamilies;
        this.refusedFamilies = Counter.build(REFUSED_FAMILIES, "Recordings through the metric helpers dropped "
                + "because the helpers had created their maximum number of families.").withoutExemplars()
                .register(registry);
        for (DynamicFamily.Type type : DynamicFamily.Type.values()) {
            sinks.put(type, DynamicFamily.sink(type, this.histogramBuckets));
        }
    }

    public void incrementCounter(String name, Labels labels) {
        incrementCounter(name, 1, labels);
    }

    public void incrementCounter(String name, double amount, Labels labels) {
        counter(name, labels).inc(amount);
    }

    public void setGauge(String name, double value, Labels labels) {
        gauge(name, labels).set(value);
    }

    public void observeHistogram(String name, double value, Labels labels) {
        histogram(name, labels).observe(value);
    }

    public void observeDuration(String name, Duration duration, Labels labels) {
        observeHistogram(name, duration.toNanos() / 1e9, labels);
    }

    /** A guard that observes the seconds until it is closed into histogram {@code name}. */
    public DurationGuard durationGuard(String name, Labels labels) {
        return DurationGuard.start(histogram(name, labels)::observe);
    }

    /** A batch of updates applied together by {@link BatchRecorder#record()}. */
    public BatchRecorder batch() {
        return new BatchRecorder(this);
    }

    Counter.Child counter(String name, Labels labels) {
        return (Counter.Child) family(name, DynamicFamily.Type.COUNTER, labels).child(labels);
    }

    Gauge.Child gauge(String name, Labels labels) {
        return (Gauge.Child) family(name, DynamicFamily.Type.GAUGE, labels).child(labels);
    }

    Histogram.Child histogram(String name, Labels labels) {
        return (Histogram.Child) family(name, DynamicFamily.Type.HISTOGRAM, labels).child(labels);
    }

    private DynamicFamily family(String name, DynamicFamily.Type type, Labels labels) {
        DynamicFamily existing = families.get(name);
        if (existing == null) {
            if (families.size() >= maxFamilies) { // families are never removed: full stays full
                return refused(name, type, labels);
            }
            synchronized (creationLock) {
                existing = families.get(name);
                if (existing == null) {
                    if (families.size() >= maxFamilies) {
                        return refused(name, type, labels);
                    }
                    existing = DynamicFamily.register(registry, guard, name, type, labels, histogramBuckets);
                    families.put(name, existing);
                    return existing;
                }
            }
        }
        existing.checkCompatible(type, labels);
        return existing;
    }

    /**
     * Applies a batch all or nothing. Usually every family exists: the batch is validated without any lock and
     * applied to the families it resolved. Otherwise, under the creation lock and while scrapes wait, the missing
     * families are registered and published only once every update is valid; on a conflict they are removed
     * again and nothing is applied.
     */
    void applyAtomically(List<BatchRecorder.Update> updates) {
        DynamicFamily[] existing = resolveExisting(updates);
        if (existing != null) {
            barrier.applyBatch(() -> apply(updates, existing));
        } else {
            barrier.applyBatch(() -> apply(updates, resolveCreatingMissing(updates)));
        }
    }

    /** The family of each update, checked, or null when one does not exist yet. */
    private DynamicFamily[] resolveExisting(List<BatchRecorder.Update> updates) {
        DynamicFamily[] resolved = new DynamicFamily[updates.size()];
        for (int i = 0; i < resolved.length; i++) {
            BatchRecorder.Update update = updates.get(i);
            DynamicFamily family = families.get(update.name());
            if (family == null) {
                return null;
            }
            family.checkCompatible(update.type(), update.labels());
            resolved[i] = family;
        }
        return resolved;
    }

    private DynamicFamily[] resolveCreatingMissing(List<BatchRecorder.Update> updates) {
        synchronized (creationLock) {
            Map<String, DynamicFamily> created = new LinkedHashMap<>();
            DynamicFamily[] resolved = new DynamicFamily[updates.size()];
            try {
                for (int i = 0; i < resolved.length; i++) {
                    BatchRecorder.Update update = updates.get(i);
                    DynamicFamily family = families.getOrDefault(update.name(), created.get(update.name()));
                    if (family == null && families.size() + created.size() >= maxFamilies) {
                        family = refused(update.name(), update.type(), update.labels());
                    } else if (family == null) {
                        family = DynamicFamily.register(registry, guard, update.name(), update.type(),
                                update.labels(), histogramBuckets);
                        created.put(update.name(), family);
                    } else {
                        family.checkCompatible(update.type(), update.labels());
                    }
                    resolved[i] = family;
                }
            } catch (RuntimeException conflict) {
                created.values().forEach(family -> family.unregister(registry));
                throw conflict;
            }
            families.putAll(created);
            return resolved;
        }
    }

    /**
     * The sink for a recording into a family past the limit: the name and labels are still checked (a mistake in
     * the calling code fails as it would below the limit), then the recording is counted and dropped.
     */
    private DynamicFamily refused(String name, DynamicFamily.Type type, Labels labels) {
        DynamicFamily.validate(name, type, labels);
        refusedFamilies.inc();
        if (refusalLogged.compareAndSet(false, true)) {
            LOG.warn("The metric helpers reached their limit of {} families (prometheus.maxHelperFamilies); "
                    + "recordings into further names such as '{}' are dropped and counted in {}", maxFamilies, name,
                    REFUSED_FAMILIES);
        }
        return sinks.get(type);
    }

    private static void apply(List<BatchRecorder.Update> updates, DynamicFamily[] families) {
        for (int i = 0; i < families.length; i++) {
            updates.get(i).applyTo(families[i]);
        }
    }
}
