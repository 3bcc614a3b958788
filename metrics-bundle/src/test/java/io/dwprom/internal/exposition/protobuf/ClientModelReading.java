package io.dwprom.internal.exposition.protobuf;

import io.prometheus.client.Collector;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import io.prometheus.client.exemplars.Exemplar;
// client_java's generated client_model classes, in the package of the protobuf runtime it shades.
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_35_0.Metrics;
import io.prometheus.metrics.shaded.com_google_protobuf_4_35_0.Timestamp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a protobuf answer with client_java's generated client_model classes, and writes both it and simpleclient's
 * families as the sample lines of the text format, each label set in name order, so that the two can be compared
 * line for line: {@code name{a="1",le="0.5"} value} with {@code  # {labels} value timestamp} for an exemplar.
 */
final class ClientModelReading {

    private ClientModelReading() {
    }

    static List<Metrics.MetricFamily> families(byte[] delimited) throws IOException {
        List<Metrics.MetricFamily> families = new ArrayList<>();
        ByteArrayInputStream in = new ByteArrayInputStream(delimited);
        Metrics.MetricFamily family;
        while ((family = Metrics.MetricFamily.parseDelimitedFrom(in)) != null) {
            families.add(family);
        }
        return families;
    }

    /** The sample lines of simpleclient's families, as the text format shows them. */
    static List<String> lines(List<MetricFamilySamples> families) {
        List<String> lines = new ArrayList<>();
        for (MetricFamilySamples family : families) {
            for (Sample sample : family.samples) {
                Map<String, String> labels = new TreeMap<>();
                for (int i = 0; i < sample.labelNames.size(); i++) {
                    labels.put(sample.labelNames.get(i), sample.labelValues.get(i));
                }
                lines.add(line(sample.name, labels, sample.value, sample.timestampMs, exemplar(sample.exemplar)));
            }
        }
        return lines;
    }

    /** The sample lines the protobuf families carry, classic buckets only, as the text format would show them. */
    static List<String> protobufLines(List<Metrics.MetricFamily> families) {
        List<String> lines = new ArrayList<>();
        for (Metrics.MetricFamily family : families) {
            String name = family.getName();
            for (Metrics.Metric metric : family.getMetricList()) {
                Map<String, String> labels = labels(metric.getLabelList());
                Long timestamp = metric.hasTimestampMs() ? metric.getTimestampMs() : null;
                switch (family.getType()) {
                    case COUNTER -> {
                        Metrics.Counter counter = metric.getCounter();
                        String exemplar = counter.hasExemplar() ? exemplar(counter.getExemplar()) : "";
                        lines.add(line(name, labels, counter.getValue(), timestamp, exemplar));
                        if (counter.hasCreatedTimestamp()) {
                            lines.add(line(name.replaceAll("_total$", "") + "_created", labels,
                                    seconds(counter.getCreatedTimestamp()), null, ""));
                        }
                    }
                    case GAUGE -> lines.add(line(name, labels, metric.getGauge().getValue(), timestamp, ""));
                    case UNTYPED -> lines.add(line(name, labels, metric.getUntyped().getValue(), timestamp, ""));
                    case SUMMARY -> {
                        Metrics.Summary summary = metric.getSummary();
                        for (Metrics.Quantile quantile : summary.getQuantileList()) {
                            lines.add(line(name, with(labels, "quantile", quantile.getQuantile()),
                                    quantile.getValue(), timestamp, ""));
                        }
                        if (summary.hasSampleCount()) {
                            lines.add(line(name + "_count", labels, summary.getSampleCount(), timestamp, ""));
                        }
                        if (summary.hasSampleSum()) {
                            lines.add(line(name + "_sum", labels, summary.getSampleSum(), timestamp, ""));
                        }
                        if (summary.hasCreatedTimestamp()) {
                            lines.add(line(name + "_created", labels, seconds(summary.getCreatedTimestamp()),
                                    null, ""));
                        }
                    }
                    case HISTOGRAM, GAUGE_HISTOGRAM -> {
                        boolean gauge = family.getType() == Metrics.MetricType.GAUGE_HISTOGRAM;
                        Metrics.Histogram histogram = metric.getHistogram();
                        for (Metrics.Bucket bucket : histogram.getBucketList()) {
                            String exemplar = bucket.hasExemplar() ? exemplar(bucket.getExemplar()) : "";
                            lines.add(line(name + "_bucket", with(labels, "le", bucket.getUpperBound()),
                                    bucket.getCumulativeCount(), timestamp, exemplar));
                        }
                        lines.add(line(name + (gauge ? "_gcount" : "_count"), labels, histogram.getSampleCount(),
                                timestamp, ""));
                        if (histogram.hasSampleSum()) {
                            lines.add(line(name + (gauge ? "_gsum" : "_sum"), labels, histogram.getSampleSum(),
                                    timestamp, ""));
                        }
                        if (histogram.hasCreatedTimestamp()) {
                            lines.add(line(name + "_created", labels, seconds(histogram.getCreatedTimestamp()),
                                    null, ""));
                        }
                    }
                    default -> throw new AssertionError("unexpected type " + family.getType());
                }
            }
        }
        return lines;
    }

    private static Map<String, String> labels(List<Metrics.LabelPair> pairs) {
        Map<String, String> labels = new TreeMap<>();
        for (Metrics.LabelPair pair : pairs) {
            labels.put(pair.getName(), pair.getValue());
        }
        return labels;
    }

    private static Map<String, String> with(Map<String, String> labels, String name, double value) {
        Map<String, String> with = new TreeMap<>(labels);
        with.put(name, Collector.doubleToGoString(value));
        return with;
    }

    /** Seconds, as simpleclient gives created times: milliseconds over 1000. */
    private static double seconds(Timestamp timestamp) {
        return (timestamp.getSeconds() * 1000 + timestamp.getNanos() / 1_000_000) / 1000.0;
    }

    private static String line(String name, Map<String, String> labels, double value, Long timestamp,
                               String exemplar) {
        return name + labels + " " + Collector.doubleToGoString(value) + (timestamp == null ? "" : " " + timestamp)
                + exemplar;
    }

    private static String exemplar(Exemplar exemplar) {
        if (exemplar == null) {
            return "";
        }
        Map<String, String> labels = new TreeMap<>();
        for (int i = 0; i < exemplar.getNumberOfLabels(); i++) {
            labels.put(exemplar.getLabelName(i), exemplar.getLabelValue(i));
        }
        return " # " + labels + " " + exemplar.getValue() + " " + exemplar.getTimestampMs();
    }

    private static String exemplar(Metrics.Exemplar exemplar) {
        Long timestamp = exemplar.hasTimestamp()
                ? exemplar.getTimestamp().getSeconds() * 1000 + exemplar.getTimestamp().getNanos() / 1_000_000
                : null;
        return " # " + labels(exemplar.getLabelList()) + " " + exemplar.getValue() + " " + timestamp;
    }
}
