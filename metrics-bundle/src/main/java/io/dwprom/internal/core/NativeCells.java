package io.dwprom.internal.core;

import io.prometheus.client.exemplars.Exemplar;

import java.util.List;

/**
 * The two cells a histogram with native buckets adds to its series' {@link StripedLongs} row: observations
 * started and observations finished. An observation counts itself in, records its classic cells and its
 * {@link NativeBuckets}, and counts itself out, so a reader can tell a moment when none was half recorded: it
 * reads the finished count, then the buckets, then the started count, and when both counts agree the classic and
 * native buckets it read hold exactly the same observations (the protobuf format, like Prometheus, wants one
 * count for both). The text formats read the classic cells alone, as before.
 */
public final class NativeCells {

    private static final int ATTEMPTS = 200;
    private static final int SPINS = 50;

    private final int started;
    private final int finished;
    private final NativeHistogramSettings settings;

    /** @param firstCell where these two cells start in the row */
    public NativeCells(int firstCell, NativeHistogramSettings settings) {
        this.started = firstCell;
        this.finished = firstCell + 1;
        this.settings = settings;
    }

    /** Cells taken: observations started and finished. */
    public int width() {
        return 2;
    }

    /** The first cell after these. */
    public int endCell() {
        return finished + 1;
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
            classic.observe(stripe, units, exemplars);
            buckets.observe(classic.value(units));
        } finally {
            stripe.add(finished, 1);
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
            long finishedBefore = row.sum(finished);
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
