package io.dwprom.internal.core;

import io.prometheus.client.exemplars.Exemplar;

import java.util.List;

/**
 * The cell a histogram with native buckets adds to its series' {@link StripedLongs} row: observations started.
 * An observation counts itself in there, records its {@link NativeBuckets}, then its classic cells, whose bucket
 * count it adds last, so the classic count is the count of observations finished. A reader can thus tell a
 * moment when none was half recorded: it reads the finished count, then the native and classic buckets, then the
 * started count, and when the two counts agree the classic and native buckets it read hold exactly the same
 * observations (the protobuf format, like Prometheus, wants one count for both). The text formats read the
 * classic cells alone, as before.
 */
public final class NativeCells {

    private static final int ATTEMPTS = 200;
    private static final int SPINS = 50;

    private final int started;
    private final NativeHistogramSettings settings;

    /** @param cell where the count of observations started sits in the row */
    public NativeCells(int cell, NativeHistogramSettings settings) {
        this.started = cell;
        this.settings = settings;
    }

    /** The first cell after this one. */
    public int endCell() {
        return started + 1;
    }

    /** Empty native buckets for one series. */
    public NativeBuckets newBuckets() {
        return new NativeBuckets(settings);
    }

    /** Records {@code units} into the classic cells (and their exemplars, if not null) and the native buckets. */
    public void observe(StripedLongs.Stripe stripe, long units, HistogramCells classic, BucketExemplars exemplars,
                        NativeBuckets buckets) {
        stripe.add(started, 1);
        try {
            buckets.observe(classic.value(units));
        } finally {
            classic.observe(stripe, units, exemplars);
        }
    }

    /**
     * Reads one series at a moment when no observation was half recorded; if none comes within a few hundred
     * attempts (a series recorded without pause by many threads), the classic buckets alone.
     */
    public NativeSeries read(StripedLongs row, NativeBuckets buckets, HistogramCells classic, List<String> labelNames,
                             List<String> labelValues, double createdSeconds, BucketExemplars exemplars) {
        long[] sums = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long finishedBefore = classic.count(row.sums());
            NativeBuckets.Snapshot snapshot = buckets.snapshot();
            sums = row.sums();
            if (row.sum(started) == finishedBefore) {
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
