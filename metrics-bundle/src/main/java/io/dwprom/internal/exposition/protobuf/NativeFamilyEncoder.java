package io.dwprom.internal.exposition.protobuf;

import io.dwprom.internal.core.NativeHistogramFamily;
import io.dwprom.internal.core.NativeSeries;
import io.dwprom.internal.exposition.protobuf.ClientModelWriter.MetricType;

import java.util.List;

/**
 * Writes a {@link NativeHistogramFamily}'s series, read at one moment, as a histogram {@code MetricFamily} with
 * classic and native buckets: the classic buckets with their exemplars as the text formats show them, then the
 * native ones, and the created time of a series that keeps one. A series whose native buckets could not be read together with its classic ones is written classic
 * only. A family without series is left out.
 */
final class NativeFamilyEncoder {

    private final ClientModelWriter model;
    private final boolean createdSeries;

    /** @param createdSeries whether each series' created time is written */
    NativeFamilyEncoder(ClientModelWriter model, boolean createdSeries) {
        this.model = model;
        this.createdSeries = createdSeries;
    }

    void encode(String name, String help, List<NativeSeries> series) {
        if (series.isEmpty()) {
            return;
        }
        int family = model.beginFamily(name, help, MetricType.HISTOGRAM);
        for (NativeSeries each : series) {
            int metric = model.beginMetric();
            model.labels(each.labelNames(), each.labelValues(), null);
            int histogram = model.beginHistogram(total(each.bucketCounts()), true, each.sum());
            long cumulative = 0;
            for (int i = 0; i < each.bucketCounts().length; i++) {
                cumulative += each.bucketCounts()[i];
                model.bucket(cumulative, each.upperBounds()[i], each.exemplars()[i]);
            }
            if (each.buckets() != null) {
                model.nativeBuckets(each.buckets(), each.zeroThreshold());
            }
            boolean created = createdSeries && !Double.isNaN(each.createdSeconds());
            model.histogramCreated(created ? Math.round(each.createdSeconds() * 1000) : -1);
            model.end(histogram);
            model.end(metric);
        }
        model.end(family);
    }

    private static long total(long[] counts) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }
}
