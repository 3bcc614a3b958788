package io.dwprom.internal.exposition.protobuf;

import io.prometheus.client.Collector.MetricFamilySamples.Sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The samples of a family, grouped by series: the samples with the same labels, one label aside (a histogram's
 * {@code le}, a summary's {@code quantile}), whatever their order, in the order their series first appear. Collectors give a series'
 * samples one after another, so a sample with the previous one's labels joins its series without a look-up.
 */
final class SeriesGrouping {

    private SeriesGrouping() {
    }

    /** @param aside the label that varies within a series; null for none */
    static List<List<Sample>> of(List<Sample> samples, String aside) {
        Map<List<String>, List<Sample>> series = new LinkedHashMap<>();
        Sample previous = null;
        List<Sample> current = null;
        for (Sample sample : samples) {
            if (previous == null || !sameLabelsBesides(previous, sample, aside)) {
                current = series.computeIfAbsent(key(sample, aside), labels -> new ArrayList<>(4));
            }
            current.add(sample);
            previous = sample;
        }
        return new ArrayList<>(series.values());
    }

    /** The names and values of {@code sample}'s labels, {@code aside} left out, in the order of the names. */
    private static List<String> key(Sample sample, String aside) {
        List<Integer> order = new ArrayList<>(sample.labelNames.size());
        for (int i = 0; i < sample.labelNames.size(); i++) {
            if (!sample.labelNames.get(i).equals(aside)) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparing(sample.labelNames::get));
        List<String> key = new ArrayList<>(order.size() * 2);
        for (int i : order) {
            key.add(sample.labelNames.get(i));
            key.add(sample.labelValues.get(i));
        }
        return key;
    }

    /** Whether two samples have the same label names, in the same order, and values, {@code aside} left out. */
    private static boolean sameLabelsBesides(Sample one, Sample other, String aside) {
        int i = 0;
        int j = 0;
        while (true) {
            i = skip(one, i, aside);
            j = skip(other, j, aside);
            if (i == one.labelNames.size() || j == other.labelNames.size()) {
                return i == one.labelNames.size() && j == other.labelNames.size();
            }
            if (!one.labelNames.get(i).equals(other.labelNames.get(j))
                    || !one.labelValues.get(i).equals(other.labelValues.get(j))) {
                return false;
            }
            i++;
            j++;
        }
    }

    /** The position of the first label of {@code sample} at or after {@code from} that is not {@code aside}. */
    private static int skip(Sample sample, int from, String aside) {
        int at = from;
        while (at < sample.labelNames.size() && sample.labelNames.get(at).equals(aside)) {
            at++;
        }
        return at;
    }
}
