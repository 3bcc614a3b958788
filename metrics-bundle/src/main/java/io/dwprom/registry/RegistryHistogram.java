package io.dwprom.registry;

import io.prometheus.client.Collector;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;

import java.util.ArrayList;
import java.util.List;

/**
 * A histogram kept as a Dropwizard Timer or Histogram over a {@link BucketedReservoir}, exported as a Prometheus
 * histogram with real buckets, {@code _sum} and {@code _count}.
 */
final class RegistryHistogram implements RegistryFamily {

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
        double[] bounds = reservoir.upperBounds();
        long[] cumulative = reservoir.cumulativeCounts();
        double sum = reservoir.sum();
        List<Sample> samples = new ArrayList<>(bounds.length + 3);
        for (int i = 0; i < bounds.length; i++) {
            samples.add(bucket(Collector.doubleToGoString(bounds[i]), cumulative[i]));
        }
        long count = cumulative[bounds.length];
        samples.add(bucket("+Inf", count));
        samples.add(new Sample(name + "_count", List.of(), List.of(), count));
        samples.add(new Sample(name + "_sum", List.of(), List.of(), sum));
        return new MetricFamilySamples(name, Collector.Type.HISTOGRAM, help, samples);
    }

    private Sample bucket(String upperBound, long cumulativeCount) {
        return new Sample(name + "_bucket", List.of("le"), List.of(upperBound), cumulativeCount);
    }
}
