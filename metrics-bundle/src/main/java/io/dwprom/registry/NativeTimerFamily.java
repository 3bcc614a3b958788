package io.dwprom.registry;

import io.dwprom.internal.core.NativeHistogramFamily;
import io.dwprom.internal.core.NativeSeries;
import io.prometheus.client.Collector;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;

import java.util.ArrayList;
import java.util.List;

/**
 * A timer of {@link RegistryFamilies#timerWithNativeBuckets}: a histogram in seconds whose text samples are its
 * classic buckets and whose protobuf series carries its native buckets too, when they are kept.
 */
final class NativeTimerFamily implements RegistryFamily, NativeHistogramFamily {

    private final String name;
    private final String help;
    private final StripedTimerReservoir reservoir;

    NativeTimerFamily(String name, String help, StripedTimerReservoir reservoir) {
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

    @Override
    public List<NativeSeries> nativeSeries() {
        return List.of(reservoir.nativeSeries());
    }
}
