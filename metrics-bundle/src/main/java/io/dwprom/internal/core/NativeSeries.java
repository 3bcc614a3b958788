package io.dwprom.internal.core;

import io.prometheus.client.exemplars.Exemplar;

import java.util.List;

/**
 * One series of a histogram with classic and native buckets, read at one moment for the protobuf format.
 *
 * @param upperBounds  the classic bounds, {@code +Inf} last
 * @param bucketCounts the observations in each classic bucket (not cumulative)
 * @param createdSeconds when the series started, in seconds; NaN for a series that keeps no created time
 * @param exemplars    each classic bucket's exemplar, or null
 * @param buckets      the native buckets, whose total equals the classic count; null when they could not be read
 *                     at the same moment as the classic buckets (the series is then served classic only)
 */
public record NativeSeries(List<String> labelNames, List<String> labelValues, double[] upperBounds,
                           long[] bucketCounts, double sum, double createdSeconds, Exemplar[] exemplars,
                           NativeBuckets.Snapshot buckets, double zeroThreshold) {
}
