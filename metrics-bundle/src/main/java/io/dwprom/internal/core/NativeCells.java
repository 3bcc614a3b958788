package io.dwprom.internal.core;

import io.prometheus.client.exemplars.Exemplar;

import java.util.List;

/**
 * The native buckets of a histogram series kept in classic cells, and how both are read together. An observation
 * records its classic bucket first, then its {@link NativeBuckets}, so the native buckets never hold an observation
 * the classic ones miss: a reader that reads the native buckets, then the classic ones, and finds the same total in
 * both, has read exactly the same observations in both (the protobuf format, like Prometheus, wants one count for
 * both). An observation half recorded when the native buckets were read makes the totals differ, and the reader
 * tries again. The text formats read the classic cells alone, as before.
 */
public final class NativeCells {

    private static final int ATTEMPTS = 200;
    private static final int SPINS = 50;

    private final NativeHistogramSettings settings;

    public NativeCells(NativeHistogramSettings settings) {
        this.settings = settings;
    }

    /** Empty native buckets for one series. */
    public NativeBuckets newBuckets() {
        return new NativeBuckets(settings);
    }

    /** Records {@code units} into the classic cells (and their exemplars, if not null), then the native buckets. */
    public void observe(StripedLongs.Stripe stripe, long units, HistogramCells classic, BucketExemplars exemplars,
                        NativeBuckets buckets) {
        buckets.observe(classic.observe(stripe, units, exemplars));
    }

    /**
     * Reads one series at a moment when no observation was half recorded; if none comes within a few hundred
     * attempts (a series recorded without pause by many threads), the classic buckets alone.
     */
    public NativeSeries read(StripedLongs row, NativeBuckets buckets, HistogramCells classic, List<String> labelNames,
                             List<String> labelValues, double createdSeconds, BucketExemplars exemplars) {
        long[] sums = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            NativeBuckets.Snapshot snapshot = buckets.snapshot();
            sums = row.sums();
            if (snapshot.total() == classic.count(sums)) {
                return series(classic, sums, snapshot, labelNames, labelValues, createdSeconds, exemplars, buckets);
            }
            if (attempt < SPINS) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        return series(classic, sums, null, labelNames, labelValues, createdSeconds, exemplars, buckets);
    }

    private static NativeSeries series(HistogramCells classic, long[] sums, NativeBuckets.Snapshot snapshot,
                                       List<String> labelNames, List<String> labelValues, double createdSeconds,
                                       BucketExemplars exemplars, NativeBuckets buckets) {
        Exemplar[] bucketExemplars = classic.exemplars(exemplars);
        return new NativeSeries(labelNames, labelValues, classic.upperBoundsWithInfinity(), classic.bucketCounts(sums),
                classic.sum(sums), createdSeconds, bucketExemplars, snapshot, buckets.zeroThreshold());
    }
}
