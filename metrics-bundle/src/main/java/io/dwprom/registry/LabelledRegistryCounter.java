package io.dwprom.registry;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import io.prometheus.client.Collector;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

/**
 * A counter with one label whose values are bounded: each value is its own Dropwizard {@link Meter},
 * {@code <dropwizardName>.<value>}, exported as one series of a Prometheus counter. Once {@code maxLabelValues}
 * distinct values have series, a new value is counted under {@value #OVERFLOW_VALUE}, so the family never has
 * more than {@code maxLabelValues + 1} series. Defined by
 * {@link RegistryFamilies#counter(String, String, String, String, int)}; thread-safe.
 */
public final class LabelledRegistryCounter {

    /** The label value that counts every value past the bound. */
    public static final String OVERFLOW_VALUE = "other";

    private final MetricRegistry registry;
    private final Consumer<String> claim;
    private final String name;
    private final String help;
    private final String dropwizardName;
    private final String labelName;
    private final int maxLabelValues;
    private final ConcurrentMap<String, Meter> byLabelValue = new ConcurrentHashMap<>();

    LabelledRegistryCounter(MetricRegistry registry, Consumer<String> claim, String name, String help,
                            String dropwizardName, String labelName, int maxLabelValues) {
        this.registry = registry;
        this.claim = claim;
        this.name = name;
        this.help = help;
        this.dropwizardName = dropwizardName;
        this.labelName = labelName;
        this.maxLabelValues = maxLabelValues;
    }

    /** Adds one to the series of {@code labelValue} (or of {@value #OVERFLOW_VALUE} past the bound). */
    public void inc(String labelValue) {
        meter(labelValue).mark();
    }

    /**
     * Adds {@code amount} to the series of {@code labelValue} (or of {@value #OVERFLOW_VALUE} past the bound).
     *
     * @throws IllegalArgumentException if {@code amount} is negative (a counter only goes up)
     */
    public void inc(String labelValue, long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("Counter " + name + "_total cannot be decreased (amount " + amount + ")");
        }
        meter(labelValue).mark(amount);
    }

    /** The current count of {@code labelValue}'s series; 0 if it has none. */
    public long count(String labelValue) {
        Meter meter = byLabelValue.get(String.valueOf(labelValue));
        return meter == null ? 0 : meter.getCount();
    }

    private Meter meter(String labelValue) {
        String value = String.valueOf(labelValue);
        Meter meter = byLabelValue.get(value);
        if (meter != null) {
            return meter;
        }
        synchronized (byLabelValue) {
            meter = byLabelValue.get(value);
            if (meter == null) {
                if (byLabelValue.size() >= maxLabelValues) {
                    value = OVERFLOW_VALUE;
                    meter = byLabelValue.get(value);
                }
                if (meter == null) {
                    String meterName = dropwizardName + "." + value;
                    claim.accept(meterName); // before it exists, so the bridge never exports it too
                    meter = registry.meter(meterName);
                    byLabelValue.put(value, meter);
                }
            }
        }
        return meter;
    }

    MetricFamilySamples collect() {
        List<Sample> samples = new ArrayList<>(byLabelValue.size());
        for (Map.Entry<String, Meter> entry : byLabelValue.entrySet()) {
            samples.add(new Sample(name + "_total", List.of(labelName), List.of(entry.getKey()),
                    entry.getValue().getCount()));
        }
        return new MetricFamilySamples(name, Collector.Type.COUNTER, help, samples);
    }
}
