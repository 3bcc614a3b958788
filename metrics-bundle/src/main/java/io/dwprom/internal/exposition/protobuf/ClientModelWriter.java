package io.dwprom.internal.exposition.protobuf;

import io.dwprom.internal.core.NativeBuckets;
import io.prometheus.client.exemplars.Exemplar;

import java.util.Arrays;
import java.util.List;

/**
 * Writes the messages of Prometheus' client_model ({@code io/prometheus/client/metrics.proto}): a
 * {@code MetricFamily} per family, delimited by its length, holding a {@code Metric} per series. Fields are written
 * in field-number order, set fields only, as protobuf-java writes a message built with the same values; repeated
 * numbers are not packed (the file is proto2 and asks for no packing), and {@code google.protobuf.Timestamp}
 * (proto3) leaves out zero seconds and nanos.
 *
 * <p>Calls nest as the messages do: {@link #beginFamily}, then per series {@link #beginMetric}, its labels, one
 * value message, {@link #end}; then {@link #end} for the family.
 */
final class ClientModelWriter {

    enum MetricType {
        COUNTER, GAUGE, SUMMARY, UNTYPED, HISTOGRAM, GAUGE_HISTOGRAM
    }

    private static final int FAMILY_NAME = 1;
    private static final int FAMILY_HELP = 2;
    private static final int FAMILY_TYPE = 3;
    private static final int FAMILY_METRIC = 4;

    private static final int METRIC_LABEL = 1;
    private static final int METRIC_GAUGE = 2;
    private static final int METRIC_COUNTER = 3;
    private static final int METRIC_SUMMARY = 4;
    private static final int METRIC_UNTYPED = 5;
    private static final int METRIC_TIMESTAMP_MS = 6;
    private static final int METRIC_HISTOGRAM = 7;

    private static final int LABEL_NAME = 1;
    private static final int LABEL_VALUE = 2;

    /** The value of Gauge, Untyped and Counter. */
    private static final int VALUE = 1;
    private static final int COUNTER_EXEMPLAR = 2;
    private static final int COUNTER_CREATED = 3;

    private static final int SUMMARY_COUNT = 1;
    private static final int SUMMARY_SUM = 2;
    private static final int SUMMARY_QUANTILE = 3;
    private static final int SUMMARY_CREATED = 4;
    private static final int QUANTILE_QUANTILE = 1;
    private static final int QUANTILE_VALUE = 2;

    private static final int HISTOGRAM_COUNT = 1;
    private static final int HISTOGRAM_SUM = 2;
    private static final int HISTOGRAM_BUCKET = 3;
    private static final int HISTOGRAM_SCHEMA = 5;
    private static final int HISTOGRAM_ZERO_THRESHOLD = 6;
    private static final int HISTOGRAM_ZERO_COUNT = 7;
    private static final int HISTOGRAM_POSITIVE_SPAN = 12;
    private static final int HISTOGRAM_POSITIVE_DELTA = 13;
    private static final int HISTOGRAM_CREATED = 15;
    private static final int BUCKET_CUMULATIVE_COUNT = 1;
    private static final int BUCKET_UPPER_BOUND = 2;
    private static final int BUCKET_EXEMPLAR = 3;
    private static final int SPAN_OFFSET = 1;
    private static final int SPAN_LENGTH = 2;

    private static final int EXEMPLAR_LABEL = 1;
    private static final int EXEMPLAR_VALUE = 2;
    private static final int EXEMPLAR_TIMESTAMP = 3;

    private static final int TIMESTAMP_SECONDS = 1;
    private static final int TIMESTAMP_NANOS = 2;

    /**
     * Native buckets with at most this many empty buckets between two non-empty ones continue one span, the empty
     * ones written as zero deltas; a longer gap starts a new span. Two, as client_java and client_golang choose.
     */
    private static final int EMPTY_BUCKETS_WITHIN_A_SPAN = 2;

    private final WireBuffer out;
    /** The deltas of the native buckets being written: the spans come first in the message, the deltas after. */
    private long[] deltas = new long[64];

    ClientModelWriter(WireBuffer out) {
        this.out = out;
    }

    /** Starts a family; {@code help} null for none. */
    int beginFamily(String name, String help, MetricType type) {
        int mark = out.beginDelimited();
        out.string(FAMILY_NAME, name);
        if (help != null) {
            out.string(FAMILY_HELP, help);
        }
        out.uint64(FAMILY_TYPE, type.ordinal());
        return mark;
    }

    int beginMetric() {
        return out.beginMessage(FAMILY_METRIC);
    }

    /** Ends the family, series or value message begun at {@code mark}. */
    void end(int mark) {
        out.end(mark);
    }

    /** The series' labels, but the one named {@code leftOut} (null for none): a histogram's {@code le}. */
    void labels(List<String> names, List<String> values, String leftOut) {
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).equals(leftOut)) {
                labelPair(METRIC_LABEL, names.get(i), values.get(i));
            }
        }
    }

    void gauge(double value) {
        int mark = out.beginMessage(METRIC_GAUGE);
        out.doubleField(VALUE, value);
        out.end(mark);
    }

    void untyped(double value) {
        int mark = out.beginMessage(METRIC_UNTYPED);
        out.doubleField(VALUE, value);
        out.end(mark);
    }

    /** @param exemplar null for none; @param createdMillis negative for none */
    void counter(double value, Exemplar exemplar, long createdMillis) {
        int mark = out.beginMessage(METRIC_COUNTER);
        out.doubleField(VALUE, value);
        if (exemplar != null) {
            exemplar(COUNTER_EXEMPLAR, exemplar);
        }
        if (createdMillis >= 0) {
            timestamp(COUNTER_CREATED, createdMillis);
        }
        out.end(mark);
    }

    /** The series' own timestamp, which few collectors give; null for none. */
    void timestampMillis(Long millis) {
        if (millis != null) {
            out.int64(METRIC_TIMESTAMP_MS, millis);
        }
    }

    /** Starts a summary; the count and sum are written when {@code has...}. Then {@link #quantile}s. */
    int beginSummary(boolean hasCount, long count, boolean hasSum, double sum) {
        int mark = out.beginMessage(METRIC_SUMMARY);
        if (hasCount) {
            out.uint64(SUMMARY_COUNT, count);
        }
        if (hasSum) {
            out.doubleField(SUMMARY_SUM, sum);
        }
        return mark;
    }

    void quantile(double quantile, double value) {
        int mark = out.beginMessage(SUMMARY_QUANTILE);
        out.doubleField(QUANTILE_QUANTILE, quantile);
        out.doubleField(QUANTILE_VALUE, value);
        out.end(mark);
    }

    /** @param createdMillis negative for none */
    void summaryCreated(long createdMillis) {
        if (createdMillis >= 0) {
            timestamp(SUMMARY_CREATED, createdMillis);
        }
    }

    /**
     * Starts a histogram; the sum is written when {@code hasSum}. Then, in this order, its classic
     * {@link #bucket}s, its {@link #nativeBuckets} and its {@link #histogramCreated} time.
     */
    int beginHistogram(long count, boolean hasSum, double sum) {
        int mark = out.beginMessage(METRIC_HISTOGRAM);
        out.uint64(HISTOGRAM_COUNT, count);
        if (hasSum) {
            out.doubleField(HISTOGRAM_SUM, sum);
        }
        return mark;
    }

    /** A classic bucket; {@code exemplar} null for none. */
    void bucket(long cumulativeCount, double upperBound, Exemplar exemplar) {
        int mark = out.beginMessage(HISTOGRAM_BUCKET);
        out.uint64(BUCKET_CUMULATIVE_COUNT, cumulativeCount);
        out.doubleField(BUCKET_UPPER_BOUND, upperBound);
        if (exemplar != null) {
            exemplar(BUCKET_EXEMPLAR, exemplar);
        }
        out.end(mark);
    }

    /**
     * The native buckets: schema, zero bucket, then the positive buckets as spans of consecutive indexes and the
     * delta of each bucket's count from the previous one's.
     */
    void nativeBuckets(NativeBuckets.Snapshot buckets, double zeroThreshold) {
        out.sint32(HISTOGRAM_SCHEMA, buckets.schema());
        out.doubleField(HISTOGRAM_ZERO_THRESHOLD, zeroThreshold);
        out.uint64(HISTOGRAM_ZERO_COUNT, buckets.zeroCount());
        int[] indexes = buckets.indexes();
        long[] counts = buckets.counts();
        if (indexes.length == 0) {
            return;
        }
        int written = 0;
        int spanStart = indexes[0];
        int spanOffset = indexes[0];
        int previousIndex = indexes[0] - 1;
        long previousCount = 0;
        for (int i = 0; i < indexes.length; i++) {
            int gap = indexes[i] - previousIndex - 1;
            if (gap > EMPTY_BUCKETS_WITHIN_A_SPAN) {
                span(spanOffset, previousIndex - spanStart + 1);
                spanOffset = gap;
                spanStart = indexes[i];
            } else {
                for (int empty = 0; empty < gap; empty++) {
                    written = delta(written, -previousCount);
                    previousCount = 0;
                }
            }
            written = delta(written, counts[i] - previousCount);
            previousCount = counts[i];
            previousIndex = indexes[i];
        }
        span(spanOffset, previousIndex - spanStart + 1);
        for (int i = 0; i < written; i++) {
            out.sint64(HISTOGRAM_POSITIVE_DELTA, deltas[i]);
        }
    }

    /** @param createdMillis negative for none */
    void histogramCreated(long createdMillis) {
        if (createdMillis >= 0) {
            timestamp(HISTOGRAM_CREATED, createdMillis);
        }
    }

    private void span(int offset, int length) {
        int mark = out.beginMessage(HISTOGRAM_POSITIVE_SPAN);
        out.sint32(SPAN_OFFSET, offset);
        out.uint64(SPAN_LENGTH, length);
        out.end(mark);
    }

    private int delta(int at, long delta) {
        if (at == deltas.length) {
            deltas = Arrays.copyOf(deltas, at * 2);
        }
        deltas[at] = delta;
        return at + 1;
    }

    private void exemplar(int field, Exemplar exemplar) {
        int mark = out.beginMessage(field);
        for (int i = 0; i < exemplar.getNumberOfLabels(); i++) {
            labelPair(EXEMPLAR_LABEL, exemplar.getLabelName(i), exemplar.getLabelValue(i));
        }
        out.doubleField(EXEMPLAR_VALUE, exemplar.getValue());
        if (exemplar.getTimestampMs() != null) {
            timestamp(EXEMPLAR_TIMESTAMP, exemplar.getTimestampMs());
        }
        out.end(mark);
    }

    private void labelPair(int field, String name, String value) {
        int mark = out.beginMessage(field);
        out.string(LABEL_NAME, name);
        out.string(LABEL_VALUE, value);
        out.end(mark);
    }

    private void timestamp(int field, long millis) {
        int mark = out.beginMessage(field);
        long seconds = Math.floorDiv(millis, 1000);
        int nanos = (int) Math.floorMod(millis, 1000) * 1_000_000;
        if (seconds != 0) {
            out.int64(TIMESTAMP_SECONDS, seconds);
        }
        if (nanos != 0) {
            out.int64(TIMESTAMP_NANOS, nanos);
        }
        out.end(mark);
    }
}
