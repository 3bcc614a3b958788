package io.dwprom.registry;

import io.dwprom.internal.core.NativeHistogramFamily;
import io.dwprom.internal.core.NativeSeries;
import io.prometheus.client.Collector;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;

import java.util.ArrayList;
import java.util.List;

/**
 * A histogram kept as a Dropwizard Timer or Histogram over a {@link BucketedReservoir}, exported as a Prometheus
 * histogram with real buckets, {@code _sum} and {@code _count}; when its reservoir keeps native buckets, the
 * protobuf format serves them too ({@link NativeHistogramFamily}).
 */
final class RegistryHistogram implements RegistryFamily, NativeHistogramFamily {

    private final String name;
    private final String help;
    private final BucketedReservoir reservoir;

    RegistryHistogram(String name, String help, BucketedReservoir reservoir) {
        this.name = name;
        this.help = help;
        this.reservoir = reservoir;
    }

    @Override
    public MetricFamilySamples collect() {
        List<Sample> samples = new ArrayList<>();
        reservoir.addSamples(samples, name);
        return new MetricFamilySamples(name, Collector.Type.HISTOGRAM, help, samples);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String help() {
        return help;
    }

    /** Only for a histogram whose reservoir keeps native buckets, the one kind registered with them. */
    @Override
    public List<NativeSeries> nativeSeries() {
        return List.of(reservoir.nativeSeries());
    }
}
