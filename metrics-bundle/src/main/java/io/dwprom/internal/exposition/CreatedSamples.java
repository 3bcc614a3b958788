package io.dwprom.internal.exposition;

import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Leaves the {@code _created} samples out of collected families: the sample named {@code <family>_created} of a
 * counter, histogram or summary, whichever collector made it. Other samples, and gauges or untyped families whose
 * own name ends in {@code _created}, are kept as they are.
 */
final class CreatedSamples {

    private static final Set<Collector.Type> WITH_CREATED =
            Set.of(Collector.Type.COUNTER, Collector.Type.HISTOGRAM, Collector.Type.SUMMARY);

    private CreatedSamples() {
    }

    static List<MetricFamilySamples> without(List<MetricFamilySamples> families) {
        List<MetricFamilySamples> kept = new ArrayList<>(families.size());
        for (MetricFamilySamples family : families) {
            kept.add(WITH_CREATED.contains(family.type) ? withoutCreated(family) : family);
        }
        return kept;
    }

    private static MetricFamilySamples withoutCreated(MetricFamilySamples family) {
        String created = family.name + "_created";
        int first = -1;
        for (int i = 0; i < family.samples.size(); i++) {
            if (family.samples.get(i).name.equals(created)) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return family;
        }
        List<Sample> samples = new ArrayList<>(family.samples.size());
        samples.addAll(family.samples.subList(0, first));
        for (int i = first + 1; i < family.samples.size(); i++) {
            Sample sample = family.samples.get(i);
            if (!sample.name.equals(created)) {
                samples.add(sample);
            }
        }
        return new MetricFamilySamples(family.name, family.unit, family.type, family.help, samples);
    }
}
