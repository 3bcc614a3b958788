package io.dwprom.business;

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

/**
 * A counter kept as Dropwizard {@link Meter}s (so the admin JSON and reporters show counts and rates) and exported
 * as a Prometheus counter. With a label, each value is its own meter, {@code <dropwizardName>.<value>}; past
 * {@code maxLabelValues} distinct values, new ones are counted under {@code other}.
 */
final class RegistryCounter implements RegistryFamily {

    static final String OVERFLOW_VALUE = "other";

    private final MetricRegistry registry;
    private final String name;
    private final String help;
    private final String dropwizardName;
    private final String labelName;
    private final int maxLabelValues;
    private final Meter unlabelled;
    private final ConcurrentMap<String, Meter> byLabelValue = new ConcurrentHashMap<>();

    private RegistryCounter(MetricRegistry registry, String name, String help, String dropwizardName, String labelName,
                            int maxLabelValues) {
        this.registry = registry;
        this.name = name;
        this.help = help;
        this.dropwizardName = dropwizardName;
        this.labelName = labelName;
        this.maxLabelValues = maxLabelValues;
        this.unlabelled = labelName == null ? registry.meter(dropwizardName) : null;
    }

    /** A counter without labels; {@code name} is the Prometheus family name without {@code _total}. */
    static RegistryCounter unlabelled(MetricRegistry registry, String name, String help, String dropwizardName) {
        return new RegistryCounter(registry, name, help, dropwizardName, null, 0);
    }

    static RegistryCounter labelled(MetricRegistry registry, String name, String help, String dropwizardName,
                                    String labelName, int maxLabelValues) {
        return new RegistryCounter(registry, name, help, dropwizardName, labelName, maxLabelValues);
    }

    void inc() {
        unlabelled.mark();
    }

    void inc(String labelValue) {
        Meter meter = byLabelValue.get(labelValue);
        if (meter == null) {
            String value = byLabelValue.size() < maxLabelValues ? labelValue : OVERFLOW_VALUE;
            meter = byLabelValue.computeIfAbsent(value, v -> registry.meter(dropwizardName + "." + v));
        }
        meter.mark();
    }

    @Override
    public MetricFamilySamples collect() {
        List<Sample> samples = new ArrayList<>();
        if (labelName == null) {
            samples.add(new Sample(name + "_total", List.of(), List.of(), unlabelled.getCount()));
        } else {
            for (Map.Entry<String, Meter> entry : byLabelValue.entrySet()) {
                samples.add(new Sample(name + "_total", List.of(labelName), List.of(entry.getKey()),
                        entry.getValue().getCount()));
            }
        }
        return new MetricFamilySamples(name, Collector.Type.COUNTER, help, samples);
    }
}
