package io.dwprom.scrape.parse;

import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics.Bucket;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics.Histogram;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics.LabelPair;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics.Metric;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics.MetricFamily;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics.Quantile;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics.Summary;
import io.prometheus.metrics.shaded.com_google_protobuf_4_36_2.ByteString;
import io.prometheus.metrics.shaded.com_google_protobuf_4_36_2.InvalidProtocolBufferException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The protobuf exposition format: length-delimited {@code io.prometheus.client.MetricFamily} messages (client_model's
 * {@code metrics.proto}, decoded by the classes client_java generates), reported to an {@link ExpositionHandler} as the
 * series Prometheus makes of them (its {@code ProtobufParser}, with native histograms and classic buckets both kept):
 * <ul>
 *   <li>a family's HELP, UNIT and TYPE, then one sample per counter, gauge or untyped metric;</li>
 *   <li>a summary: {@code _count}, {@code _sum} and one sample per quantile ({@code quantile} label);</li>
 *   <li>a histogram with native buckets (spans, a zero threshold or a zero count, as Prometheus decides): one
 *       {@link ExpositionHandler#nativeHistogram native histogram} series named as the family;</li>
 *   <li>a histogram with classic buckets, or without native ones: {@code _count}, {@code _sum} and one
 *       {@code _bucket} per bucket up to the first {@code le="+Inf"}, which is added (with the count) when missing;
 *       a gauge histogram's count and sum are {@code _gcount} and {@code _gsum}, as OpenMetrics names them.</li>
 * </ul>
 * {@code le} and {@code quantile} values are formatted as Prometheus formats them ({@code 1.0}, {@code 0.005}).
 * Created timestamps make no series (Prometheus stores them as a zero sample of the same series). Families without
 * metrics are skipped, as Prometheus skips them. The "line" of every element is the 1-based number of its family's
 * message in the stream. Malformed input is a {@link ProtobufException} at the byte offset of its message.
 */
public final class ProtobufExposition implements Exposition {
    private static final String LE = "le";
    private static final String QUANTILE = "quantile";
    private static final long LE_HASH = Hash64.string(LE);
    private static final long QUANTILE_HASH = Hash64.string(QUANTILE);

    private final InputStream in;
    private final long maxBytes;
    private final Sample sample = new Sample();
    /** The most distinct {@code le}/{@code quantile} values kept formatted; beyond it each is formatted again. */
    private static final int MAX_SPECIAL_VALUES = 4096;
    private final Map<String, String> labelNames = new HashMap<>();
    private final Map<String, Long> labelHashes = new HashMap<>();
    private byte[] scratch = new byte[64];
    /** {@code le} and {@code quantile} values as Prometheus writes them, by their bits: every series repeats its family's. */
    private final Map<Long, byte[]> specialValues = new HashMap<>();
    private ExpositionHandler handler;
    private long line;

    /** @param maxBytes the input's size cap, which a message's announced length is checked against */
    public ProtobufExposition(InputStream in, long maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    @Override
    public void read(ExpositionHandler handler, Dialect dialect) throws IOException {
        this.handler = handler;
        DelimitedMessages messages = new DelimitedMessages(in, maxBytes);
        while (messages.next()) {
            line++;
            MetricFamily family;
            try {
                family = MetricFamily.parser().parseFrom(messages.bytes(), 0, messages.length());
            } catch (InvalidProtocolBufferException e) {
                throw new ProtobufException(messages.offset(), "not a MetricFamily message: " + e.getMessage());
            }
            try {
                family(family);
            } catch (ParseException e) {
                throw new ProtobufException(messages.offset(), e.detail() + " (metric family \"" + family.getName()
                        + "\", message " + line + ")");
            }
        }
    }

    private void family(MetricFamily family) {
        if (family.getMetricCount() == 0) {
            return;
        }
        String name = family.getName();
        if (name.isEmpty()) {
            throw new ParseException(line, 0, "metric family without a name");
        }
        MetricType type = type(family);
        if (family.hasHelp()) {
            handler.help(name, family.getHelp(), line);
        }
        if (!family.getUnit().isEmpty()) {
            handler.unit(name, family.getUnit(), line);
        }
        handler.type(name, type, line);
        SampleNames names = new SampleNames(name, type == MetricType.GAUGEHISTOGRAM);
        for (Metric metric : family.getMetricList()) {
            switch (type) {
                case COUNTER: emit(names.family, names.familyHash, metric, metric.getCounter().getValue()); break;
                case GAUGE: emit(names.family, names.familyHash, metric, metric.getGauge().getValue()); break;
                case SUMMARY: summary(names, metric); break;
                case HISTOGRAM:
                case GAUGEHISTOGRAM: histogram(names, metric); break;
                default: emit(names.family, names.familyHash, metric, metric.getUntyped().getValue()); break;
            }
        }
    }

    private MetricType type(MetricFamily family) {
        if (!family.hasType() && family.getUnknownFields().hasField(MetricFamily.TYPE_FIELD_NUMBER)) {
            throw new ParseException(line, 0, "unknown metric type "
                    + family.getUnknownFields().getField(MetricFamily.TYPE_FIELD_NUMBER).getVarintList());
        }
        switch (family.getType()) {
            case GAUGE: return MetricType.GAUGE;
            case SUMMARY: return MetricType.SUMMARY;
            case UNTYPED: return MetricType.UNTYPED;
            case HISTOGRAM: return MetricType.HISTOGRAM;
            case GAUGE_HISTOGRAM: return MetricType.GAUGEHISTOGRAM;
            default: return MetricType.COUNTER; // also client_model's default when the field is absent
        }
    }

    private void summary(SampleNames names, Metric metric) {
        Summary summary = metric.getSummary();
        emit(names.count, names.countHash, metric, summary.getSampleCount());
        emit(names.sum, names.sumHash, metric, summary.getSampleSum());
        for (Quantile q : summary.getQuantileList()) {
            start(names.family, names.familyHash, metric);
            special(QUANTILE, QUANTILE_HASH, q.getQuantile());
            finish(q.getValue());
        }
    }

    private void histogram(SampleNames names, Metric metric) {
        Histogram h = metric.getHistogram();
        double count = h.getSampleCountFloat() != 0 ? h.getSampleCountFloat() : h.getSampleCount();
        boolean nativeBuckets = h.getPositiveSpanCount() > 0 || h.getNegativeSpanCount() > 0
                || h.getZeroThreshold() > 0 || h.getZeroCount() > 0;
        if (nativeBuckets) {
            start(names.family, names.familyHash, metric);
            sample.value(count);
            handler.nativeHistogram(sample);
            if (h.getBucketCount() == 0) {
                return;
            }
        }
        emit(names.count, names.countHash, metric, count);
        emit(names.sum, names.sumHash, metric, h.getSampleSum());
        for (Bucket b : h.getBucketList()) {
            start(names.bucket, names.bucketHash, metric);
            special(LE, LE_HASH, b.getUpperBound());
            finish(b.getCumulativeCountFloat() != 0 ? b.getCumulativeCountFloat() : b.getCumulativeCount());
            if (b.getUpperBound() == Double.POSITIVE_INFINITY) {
                return;
            }
        }
        start(names.bucket, names.bucketHash, metric);
        special(LE, LE_HASH, Double.POSITIVE_INFINITY);
        finish(count);
    }

    private void emit(String name, long nameHash, Metric metric, double value) {
        start(name, nameHash, metric);
        finish(value);
    }

    /** Starts a sample of {@code metric} with its labels. */
    private void start(String name, long nameHash, Metric metric) {
        sample.start(name, nameHash, line);
        for (LabelPair label : metric.getLabelList()) {
            String labelName = labelName(label.getName());
            if (sample.hasLabel(labelName)) {
                throw new ParseException(line, 0, "duplicate label name \"" + labelName + "\" in " + sample.seriesText());
            }
            sample.addLabelName(labelName, labelHashes.get(labelName));
            ByteString value = label.getValueBytes();
            int n = value.size();
            if (scratch.length < n) {
                scratch = new byte[Math.max(n, scratch.length * 2)];
            }
            value.copyTo(scratch, 0);
            if (!Utf8.isValid(scratch, 0, n)) {
                throw new ParseException(line, 0, "value of label \"" + labelName + "\" is not valid UTF-8");
            }
            sample.appendValueBytes(scratch, 0, n);
            sample.finishLabelValue();
        }
        sample.timestamp(metric.getTimestampMs() != 0); // Prometheus reads 0 as no timestamp
    }

    /** One shared string per label name, so that consumers' caches keyed by identity hit. */
    private String labelName(String name) {
        String shared = labelNames.get(name);
        if (shared != null) {
            return shared;
        }
        if (name.isEmpty() || name.equals("__name__")) {
            throw new ParseException(line, 0, name.isEmpty() ? "empty label name" : "label name \"__name__\" is reserved");
        }
        labelNames.put(name, name);
        labelHashes.put(name, Hash64.string(name));
        return name;
    }

    private void special(String name, long hash, double value) {
        if (sample.hasLabel(name)) {
            throw new ParseException(line, 0, "label \"" + name + "\" is reserved in " + sample.seriesText());
        }
        sample.addLabelName(name, hash);
        byte[] text = specialValues.get(Double.doubleToRawLongBits(value));
        if (text == null) {
            text = OpenMetricsFloats.format(value).getBytes(StandardCharsets.US_ASCII);
            if (specialValues.size() < MAX_SPECIAL_VALUES) {
                specialValues.put(Double.doubleToRawLongBits(value), text);
            }
        }
        sample.appendValueBytes(text, 0, text.length);
        sample.finishLabelValue();
    }

    private void finish(double value) {
        sample.value(value);
        handler.sample(sample);
    }

    /** The sample names of one family, each one string for all its samples. */
    private static final class SampleNames {
        final String family;
        final long familyHash;
        final String count;
        final long countHash;
        final String sum;
        final long sumHash;
        final String bucket;
        final long bucketHash;

        SampleNames(String family, boolean gaugeHistogram) {
            this.family = family;
            this.familyHash = Hash64.string(family);
            this.count = family + (gaugeHistogram ? "_gcount" : "_count");
            this.countHash = Hash64.string(count);
            this.sum = family + (gaugeHistogram ? "_gsum" : "_sum");
            this.sumHash = Hash64.string(sum);
            this.bucket = family + "_bucket";
            this.bucketHash = Hash64.string(bucket);
        }
    }
}
