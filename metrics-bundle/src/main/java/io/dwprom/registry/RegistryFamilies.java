package io.dwprom.registry;

import com.codahale.metrics.Clock;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.Meter;
import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.dwprom.internal.core.Buckets;
import io.dwprom.internal.core.NativeHistogramSettings;
import io.dwprom.internal.core.NativeHistograms;
import io.dwprom.metrics.MetricsException;
import io.prometheus.client.CollectorRegistry;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An application's own Prometheus families whose values live in Dropwizard's {@link MetricRegistry}: the admin
 * JSON {@code /metrics} and any Dropwizard reporter see them under their dotted Dropwizard names, and the
 * Prometheus endpoint exports them under the Prometheus names given here, with real histogram buckets (a plain
 * Dropwizard histogram only has a decaying sample, which the generic bridge turns into per-instance quantiles that
 * cannot be aggregated) and label values bounded by construction. The bridge of the rest of the
 * {@code MetricRegistry} skips every Dropwizard name {@link #owns owned} here, so no family is exported twice.
 *
 * <pre>{@code
 * RegistryFamilies families = prometheus.metrics().registryFamilies();
 * RegistryCounter orders = families.counter("orders_placed_total", "Orders placed.", "shop.orders.placed");
 * LabelledRegistryCounter payments = families.counter("payments_total", "Payments, by outcome.",
 *         "shop.payments", "outcome", 20);
 * Timer checkout = families.timer("checkout_duration_seconds", "Checkout time.", "shop.checkout",
 *         List.of(0.1, 0.5, 1.0, 5.0));
 * Timer payment = families.timerWithNativeBuckets("payment_duration_seconds", "Payment time.", "shop.payment",
 *         List.of(0.1, 0.5, 1.0, 5.0));
 * }</pre>
 *
 * <p>Each family is defined once, typically when the application starts. A definition is checked before anything
 * is registered: a malformed name, label or bucket list throws {@link IllegalArgumentException}; a Prometheus
 * name another collector of the endpoint already exports, or a Dropwizard name already in the registry, throws
 * {@link MetricsException} of kind {@code CONFLICTING_DEFINITION} naming both sides; in either case nothing is
 * registered. Recording is thread-safe and never throws for valid arguments.
 */
public final class RegistryFamilies {

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final double NANOS_PER_SECOND = 1e9;

    private final CollectorRegistry prometheus;
    private final MetricRegistry dropwizard;
    private final NativeHistograms natives;
    private final Set<String> owned = ConcurrentHashMap.newKeySet();
    /** {@code <dropwizardName>.} of each labelled counter: the names its label values will take. */
    private final Set<String> labelledPrefixes = ConcurrentHashMap.newKeySet();

    /**
     * Families over {@code dropwizard}, exported by {@code prometheus}. The bundle makes the application's one
     * instance ({@code PrometheusBundle.metrics().registryFamilies()}); tests may make their own.
     */
    public RegistryFamilies(CollectorRegistry prometheus, MetricRegistry dropwizard) {
        this(prometheus, dropwizard, NativeHistograms.disabled());
    }

    /**
     * Made by the bundle: families over {@code dropwizard}, exported by {@code prometheus}, whose timers defined
     * with {@link #timerWithNativeBuckets} keep native buckets as {@code natives} says.
     */
    public RegistryFamilies(CollectorRegistry prometheus, MetricRegistry dropwizard, NativeHistograms natives) {
        this.prometheus = prometheus;
        this.dropwizard = dropwizard;
        this.natives = natives;
    }

    /**
     * A counter without labels, kept as the {@link Meter} {@code dropwizardName}.
     *
     * @param name the Prometheus name, with or without the {@code _total} suffix (the samples carry it)
     */
    public synchronized RegistryCounter counter(String name, String help, String dropwizardName) {
        String family = counterFamily(name);
        checkHelp(name, help);
        checkDropwizardName(family, dropwizardName);
        Meter meter = new Meter();
        RegistryCounter counter = new RegistryCounter(family, help, meter);
        define(counter::collect, family, dropwizardName, meter);
        return counter;
    }

    /**
     * A counter with one label, {@code labelName}; each value is the {@link Meter}
     * {@code <dropwizardName>.<value>}, and values past the first {@code maxLabelValues} count as
     * {@value LabelledRegistryCounter#OVERFLOW_VALUE}.
     *
     * @param name the Prometheus name, with or without the {@code _total} suffix (the samples carry it)
     */
    public synchronized LabelledRegistryCounter counter(String name, String help, String dropwizardName,
                                                        String labelName, int maxLabelValues) {
        String family = counterFamily(name);
        checkHelp(name, help);
        if (labelName == null || !LABEL_NAME.matcher(labelName).matches() || labelName.startsWith("__")
                || labelName.equals("le") || labelName.equals("quantile")) {
            throw new IllegalArgumentException("Family " + name + ": invalid label name '" + labelName + "'");
        }
        if (maxLabelValues < 1) {
            throw new IllegalArgumentException("Family " + name + ": maxLabelValues must be at least 1, not "
                    + maxLabelValues);
        }
        checkDropwizardName(family, dropwizardName);
        String prefix = dropwizardName + ".";
        String taken = firstNameUnder(prefix);
        if (taken != null) {
            throw conflict(family, prefix + "*", taken);
        }
        LabelledRegistryCounter counter = new LabelledRegistryCounter(dropwizard, owned::add, family, help,
                dropwizardName, labelName, maxLabelValues);
        registerCollector(counter::collect, family);
        labelledPrefixes.add(prefix);
        return counter;
    }

    /**
     * A histogram of durations kept as the Dropwizard {@link Timer} {@code dropwizardName} (nanoseconds, as every
     * Dropwizard timer) and exported in seconds, with {@code bucketsSeconds} as upper bounds. Its buckets are kept
     * in the bundle's per-thread cells, and its {@code _sum} adds whole nanoseconds before turning them into seconds.
     *
     * @param name           the Prometheus name, conventionally ending in {@code _seconds}
     * @param bucketsSeconds upper bounds in seconds, positive and strictly increasing ({@code +Inf} is implied)
     */
    public synchronized Timer timer(String name, String help, String dropwizardName, List<Double> bucketsSeconds) {
        return timer(name, help, dropwizardName, bucketsSeconds, null);
    }

    /**
     * A timer as {@link #timer}, which also keeps native (exponential) buckets when
     * {@code prometheus.nativeHistograms.enabled} is true: the protobuf format serves them beside the classic
     * buckets, as for {@code http_request_duration_seconds}. The text formats show the classic buckets, the same
     * with native buckets or without.
     */
    public synchronized Timer timerWithNativeBuckets(String name, String help, String dropwizardName,
                                                     List<Double> bucketsSeconds) {
        return timer(name, help, dropwizardName, bucketsSeconds, natives.settings().orElse(null));
    }

    private Timer timer(String name, String help, String dropwizardName, List<Double> bucketsSeconds,
                        NativeHistogramSettings nativeSettings) {
        checkFamily(name, help, bucketsSeconds);
        checkDropwizardName(name, dropwizardName);
        BucketedReservoir reservoir = new BucketedReservoir(Buckets.toArray(bucketsSeconds), NANOS_PER_SECOND,
                nativeSettings);
        Timer timer = new Timer(new Meter(), new Histogram(reservoir), Clock.defaultClock());
        RegistryHistogram family = new RegistryHistogram(name, help, reservoir);
        define(family, name, dropwizardName, timer);
        if (nativeSettings != null) {
            natives.register(family);
        }
        return timer;
    }

    /**
     * A histogram kept as the Dropwizard {@link Histogram} {@code dropwizardName} and exported in the unit it is
     * updated in, with {@code buckets} as upper bounds.
     *
     * @param buckets upper bounds, positive and strictly increasing ({@code +Inf} is implied)
     */
    public synchronized Histogram histogram(String name, String help, String dropwizardName, List<Double> buckets) {
        checkFamily(name, help, buckets);
        checkDropwizardName(name, dropwizardName);
        BucketedReservoir reservoir = new BucketedReservoir(Buckets.toArray(buckets), 1, null);
        Histogram histogram = new Histogram(reservoir);
        define(new RegistryHistogram(name, help, reservoir), name, dropwizardName, histogram);
        return histogram;
    }

    /**
     * Whether {@code dropwizardName} is a metric of a family defined here; the bridge of the
     * {@code MetricRegistry} exports only the names for which this is false.
     */
    public boolean owns(String dropwizardName) {
        return owned.contains(dropwizardName);
    }

    private void define(RegistryFamily family, String name, String dropwizardName, Metric metric) {
        owned.add(dropwizardName); // before the metric exists, so the bridge never exports it too
        try {
            registerCollector(family, name);
        } catch (RuntimeException failure) {
            owned.remove(dropwizardName);
            throw failure;
        }
        dropwizard.register(dropwizardName, metric);
    }

    private void registerCollector(RegistryFamily family, String name) {
        try {
            prometheus.register(new RegistryFamilyCollector(family));
        } catch (IllegalArgumentException taken) {
            throw new MetricsException(MetricsException.Kind.CONFLICTING_DEFINITION, "Family " + name
                    + " of Dropwizard's registry conflicts with a family the endpoint already exports: "
                    + taken.getMessage(), taken);
        }
    }

    private void checkDropwizardName(String family, String dropwizardName) {
        if (dropwizardName == null || dropwizardName.isBlank()) {
            throw new IllegalArgumentException("Family " + family + ": the Dropwizard name must not be blank");
        }
        if (owned.contains(dropwizardName) || dropwizard.getNames().contains(dropwizardName)) {
            throw conflict(family, dropwizardName, dropwizardName);
        }
        for (String prefix : labelledPrefixes) {
            if (dropwizardName.startsWith(prefix) || prefix.equals(dropwizardName + ".")) {
                throw conflict(family, dropwizardName, prefix + "* (a labelled counter's values)");
            }
        }
    }

    /** A Dropwizard name, taken or reserved for a labelled counter's values, under {@code prefix}; null if none. */
    private String firstNameUnder(String prefix) {
        return Stream.of(dropwizard.getNames().stream(), owned.stream(),
                        labelledPrefixes.stream().map(reserved -> reserved + "*"))
                .flatMap(names -> names)
                .filter(name -> name.startsWith(prefix))
                .findFirst().orElse(null);
    }

    private static MetricsException conflict(String family, String wanted, String existing) {
        return new MetricsException(MetricsException.Kind.CONFLICTING_DEFINITION, "Family " + family
                + " wants the Dropwizard name " + wanted + ", but the registry already holds " + existing);
    }

    private static String counterFamily(String name) {
        checkName(name);
        String family = name.endsWith("_total") ? name.substring(0, name.length() - "_total".length()) : name;
        checkName(family);
        return family;
    }

    private static void checkFamily(String name, String help, List<Double> buckets) {
        checkName(name);
        checkHelp(name, help);
        if (buckets == null || buckets.isEmpty() || !Buckets.isPositiveAndIncreasing(buckets)) {
            throw new IllegalArgumentException("Family " + name
                    + ": buckets must be a non-empty list of positive, strictly increasing, finite bounds, not "
                    + buckets);
        }
    }

    private static void checkName(String name) {
        if (name == null || !METRIC_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid Prometheus metric name '" + name + "'");
        }
    }

    private static void checkHelp(String name, String help) {
        if (help == null || help.isBlank()) {
            throw new IllegalArgumentException("Family " + name + ": help must not be blank");
        }
    }
}
