package io.dwprom.internal.exposition.protobuf;

import io.dwprom.internal.exposition.protobuf.ClientModelWriter.MetricType;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a family collected by simpleclient as a {@code MetricFamily} with the samples the text formats show: a
 * counter's value and created time; a gauge's, info's, state set's or unknown's value per sample; a histogram's
 * cumulative buckets (with their exemplars), count, sum and created time; a summary's quantiles, count, sum and
 * created time. A counter family takes the name of its samples ({@code _total}), an info family
 * {@code _info}, as Prometheus names them from the protobuf format. A family without samples is left out.
 */
final class SampleFamilyEncoder {

    private final ClientModelWriter model;
    /** The {@code le} and {@code quantile} values parsed in this scrape: every series repeats its family's. */
    private final Map<String, Double> parsedLabelValues = new HashMap<>();

    SampleFamilyEncoder(ClientModelWriter model) {
        this.model = model;
    }

    void encode(MetricFamilySamples family) {
        if (family.samples.isEmpty()) {
            return;
        }
        switch (family.type) {
            case COUNTER -> counter(family);
            case GAUGE, STATE_SET -> eachSample(family, family.name, MetricType.GAUGE);
            case INFO -> eachSample(family, family.samples.get(0).name, MetricType.GAUGE);
            case HISTOGRAM -> histogram(family, MetricType.HISTOGRAM, "_count", "_sum");
            case GAUGE_HISTOGRAM -> histogram(family, MetricType.GAUGE_HISTOGRAM, "_gcount", "_gsum");
            case SUMMARY -> summary(family);
            default -> eachSample(family, family.name, MetricType.UNTYPED);
        }
    }

    /** One series per sample, its value a gauge's or an untyped one's. */
    private void eachSample(MetricFamilySamples family, String name, MetricType type) {
        int familyMark = model.beginFamily(name, family.help, type);
        for (Sample sample : family.samples) {
            int metric = model.beginMetric();
            model.labels(sample.labelNames, sample.labelValues, null);
            if (type == MetricType.GAUGE) {
                model.gauge(sample.value);
            } else {
                model.untyped(sample.value);
            }
            model.timestampMillis(sample.timestampMs);
            model.end(metric);
        }
        model.end(familyMark);
    }

    private void counter(MetricFamilySamples family) {
        String created = family.name + "_created";
        List<List<Sample>> series = SeriesGrouping.of(family.samples, null);
        String name = null;
        for (List<Sample> samples : series) {
            Sample value = valueSample(samples, created);
            if (value != null && name == null) {
                name = value.name;
            }
        }
        if (name == null) {
            return;
        }
        int familyMark = model.beginFamily(name, family.help, MetricType.COUNTER);
        for (List<Sample> samples : series) {
            Sample value = valueSample(samples, created);
            if (value == null) {
                continue;
            }
            int metric = model.beginMetric();
            model.labels(value.labelNames, value.labelValues, null);
            model.counter(value.value, value.exemplar, createdMillis(samples, created));
            model.timestampMillis(value.timestampMs);
            model.end(metric);
        }
        model.end(familyMark);
    }

    private void histogram(MetricFamilySamples family, MetricType type, String countSuffix, String sumSuffix) {
        String bucketName = family.name + "_bucket";
        String countName = family.name + countSuffix;
        String sumName = family.name + sumSuffix;
        String createdName = family.name + "_created";
        int familyMark = model.beginFamily(family.name, family.help, type);
        for (List<Sample> samples : SeriesGrouping.of(family.samples, "le")) {
            Sample count = null;
            Sample sum = null;
            Sample lastBucket = null;
            for (Sample sample : samples) {
                if (sample.name.equals(bucketName)) {
                    lastBucket = sample;
                } else if (sample.name.equals(countName)) {
                    count = sample;
                } else if (sample.name.equals(sumName)) {
                    sum = sample;
                }
            }
            Sample counted = count != null ? count : lastBucket;
            Sample first = samples.get(0);
            int metric = model.beginMetric();
            model.labels(first.labelNames, first.labelValues, "le");
            model.timestampMillis(first.timestampMs);
            int histogram = model.beginHistogram(counted == null ? 0 : (long) counted.value, sum != null,
                    sum == null ? 0 : sum.value);
            for (Sample sample : samples) {
                if (sample.name.equals(bucketName)) {
                    model.bucket((long) sample.value, parsed(labelValue(sample, "le")), sample.exemplar);
                }
            }
            model.histogramCreated(createdMillis(samples, createdName));
            model.end(histogram);
            model.end(metric);
        }
        model.end(familyMark);
    }

    private void summary(MetricFamilySamples family) {
        String countName = family.name + "_count";
        String sumName = family.name + "_sum";
        String createdName = family.name + "_created";
        int familyMark = model.beginFamily(family.name, family.help, MetricType.SUMMARY);
        for (List<Sample> samples : SeriesGrouping.of(family.samples, "quantile")) {
            Sample count = null;
            Sample sum = null;
            boolean hasQuantiles = false;
            for (Sample sample : samples) {
                if (sample.name.equals(countName)) {
                    count = sample;
                } else if (sample.name.equals(sumName)) {
                    sum = sample;
                } else if (sample.name.equals(family.name)) {
                    hasQuantiles = true;
                }
            }
            if (count == null && sum == null && !hasQuantiles) {
                continue;
            }
            Sample first = samples.get(0);
            int metric = model.beginMetric();
            model.labels(first.labelNames, first.labelValues, "quantile");
            int summary = model.beginSummary(count != null, count == null ? 0 : (long) count.value,
                    sum != null, sum == null ? 0 : sum.value);
            for (Sample sample : samples) {
                if (sample.name.equals(family.name)) {
                    model.quantile(parsed(labelValue(sample, "quantile")), sample.value);
                }
            }
            model.summaryCreated(createdMillis(samples, createdName));
            model.end(summary);
            model.timestampMillis(first.timestampMs);
            model.end(metric);
        }
        model.end(familyMark);
    }

    /** A counter series' value: its sample that is not its created time. */
    private static Sample valueSample(List<Sample> samples, String createdName) {
        for (Sample sample : samples) {
            if (!sample.name.equals(createdName)) {
                return sample;
            }
        }
        return null;
    }

    /** The series' created time (simpleclient gives seconds) in milliseconds; -1 for none. */
    private static long createdMillis(List<Sample> samples, String createdName) {
        for (Sample sample : samples) {
            if (sample.name.equals(createdName)) {
                return Math.round(sample.value * 1000);
            }
        }
        return -1;
    }

    private static String labelValue(Sample sample, String name) {
        int at = sample.labelNames.indexOf(name);
        if (at < 0) {
            throw new IllegalStateException("Sample " + sample.name + " has no label " + name);
        }
        return sample.labelValues.get(at);
    }

    /** A label value in Go's float format ({@code +Inf}, {@code 0.25}) as a double. */
    private double parsed(String value) {
        Double known = parsedLabelValues.get(value);
        if (known == null) {
            known = switch (value) {
                case "+Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                case "NaN" -> Double.NaN;
                default -> Double.parseDouble(value);
            };
            parsedLabelValues.put(value, known);
        }
        return known;
    }
}
