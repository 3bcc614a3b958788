package io.dwprom.registry;

import com.codahale.metrics.Meter;
import io.prometheus.client.Collector;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;

import java.util.List;

/**
 * A counter without labels, kept as one Dropwizard {@link Meter} (so the admin JSON {@code /metrics} and any
 * Dropwizard reporter show its count and rates) and exported as a Prometheus counter. Defined by
 * {@link RegistryFamilies#counter(String, String, String)}; thread-safe.
 */
public final class RegistryCounter {

    private final String name;
    private final String help;
    private final Meter meter;

    RegistryCounter(String name, String help, Meter meter) {
        this.name = name;
        this.help = help;
        this.meter = meter;
    }

    /** Adds one. */
    public void inc() {
        meter.mark();
    }

    /**
     * Adds {@code amount}.
     *
     * @throws IllegalArgumentException if {@code amount} is negative (a counter only goes up)
     */
    public void inc(long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("Counter " + name + "_total cannot be decreased (amount " + amount + ")");
        }
        meter.mark(amount);
    }

    /** The current count. */
    public long count() {
        return meter.getCount();
    }

    MetricFamilySamples collect() {
        return new MetricFamilySamples(name, Collector.Type.COUNTER, help,
                List.of(new Sample(name + "_total", List.of(), List.of(), meter.getCount())));
    }
}
