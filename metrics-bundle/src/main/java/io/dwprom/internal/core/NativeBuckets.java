package io.dwprom.internal.core;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The native (exponential) buckets of one histogram series: a zero bucket and a window of at most
 * {@code maxBuckets} consecutive bucket counts, so a series' memory is bounded. The window is placed around the
 * first observation; a value outside it moves the window when the observed range still fits, and otherwise
 * halves the resolution (lowers the schema by one, merging bucket pairs) until it fits.
 *
 * <p>The window keeps its counts in up to {@value #MAX_STRIPES} padded stripes (two per core), chosen by
 * thread as {@link StripedLongs} does, so that threads running at once rarely write the same cache line; a read
 * adds the stripes up. Recording is one atomic addition into the current window. Moving the window is rare and done under a lock:
 * the new window is published, then the old one's counts are drained into it. A writer that added to a window
 * after it was replaced notices (the window it wrote is no longer current), takes its count back from the old
 * cell and adds it to the current window, so no count is lost or counted twice. Values are expected to be zero or
 * more (durations); a negative value counts in the zero bucket.
 */
public final class NativeBuckets {

    static final int MAX_STRIPES = 4;
    private static final int STRIPES = Math.min(MAX_STRIPES,
            ThreadStripes.powerOfTwoAtLeast(2 * Runtime.getRuntime().availableProcessors()));
    /** Longs between two stripes' counts: 128 bytes, so no two stripes share a cache line or its prefetch pair. */
    private static final int PADDING = 16;

    private final int maxBuckets;
    private final int stride;
    private final double zeroThreshold;
    private final LongAdder zeroCount = new LongAdder();
    private final int initialSchema;
    private volatile Window window;

    public NativeBuckets(NativeHistogramSettings settings) {
        this.maxBuckets = settings.maxBuckets();
        this.stride = maxBuckets + PADDING;
        this.zeroThreshold = settings.zeroThreshold();
        this.initialSchema = settings.initialSchema();
    }

    /** Counts one observation. */
    public void observe(double value) {
        if (!(value > zeroThreshold)) {
            zeroCount.increment();
            return;
        }
        Window current = window;
        int schema = current == null ? initialSchema : current.schema;
        add(schema, NativeBucketIndex.of(Math.min(value, Double.MAX_VALUE), schema), 1,
                ThreadStripes.ofCurrentThread(STRIPES - 1) * stride);
    }

    /**
     * Adds {@code count} to the bucket {@code index} of {@code schema} (at or above the current schema), in the
     * stripe starting at cell {@code stripe}.
     */
    private void add(int schema, int index, long count, int stripe) {
        while (true) {
            Window current = window;
            if (current == null) {
                place(schema, index);
                continue;
            }
            int target = NativeBucketIndex.coarser(index, schema - current.schema);
            int slot = target - current.offset;
            if (slot < 0 || slot >= maxBuckets) {
                if (!current.saturated) {
                    place(schema, index);
                    continue;
                }
                slot = slot < 0 ? 0 : maxBuckets - 1;
            }
            current.counts.getAndAdd(stripe + slot, count);
            if (window == current) {
                return;
            }
            // Replaced meanwhile: whatever the drain did not move yet is taken back and added anew.
            count = current.counts.getAndSet(stripe + slot, 0);
            if (count == 0) {
                return;
            }
            schema = current.schema;
            index = target;
        }
    }

    /** Publishes a window that holds bucket {@code index} of {@code schema} and every count of the current one. */
    private synchronized void place(int schema, int index) {
        Window old = window;
        if (old == null) {
            int first = Math.max(NativeBucketIndex.MIN_SCHEMA, Math.min(schema, initialSchema));
            int at = NativeBucketIndex.coarser(index, schema - first);
            window = new Window(first, at - maxBuckets / 2, STRIPES * stride, false);
            return;
        }
        int target = NativeBucketIndex.coarser(index, schema - old.schema);
        if (old.saturated || (target >= old.offset && target < old.offset + maxBuckets)) {
            return; // another writer made room already, or none can be made
        }
        int low = target;
        int high = target;
        for (int slot = 0; slot < maxBuckets; slot++) {
            if (old.count(slot, stride) != 0) {
                low = Math.min(low, old.offset + slot);
                high = Math.max(high, old.offset + slot);
            }
        }
        int newSchema = old.schema;
        while ((long) high - low + 1 > maxBuckets && newSchema > NativeBucketIndex.MIN_SCHEMA) {
            newSchema--;
            low = NativeBucketIndex.coarser(low, 1);
            high = NativeBucketIndex.coarser(high, 1);
        }
        boolean saturated = (long) high - low + 1 > maxBuckets; // beyond any schema's reach: clamp at the edges
        int spare = Math.max(0, maxBuckets - (high - low + 1));
        window = new Window(newSchema, low - spare / 2, STRIPES * stride, saturated);
        for (int stripe = 0; stripe < STRIPES * stride; stripe += stride) {
            for (int slot = 0; slot < maxBuckets; slot++) {
                long moved = old.counts.getAndSet(stripe + slot, 0);
                if (moved != 0) {
                    add(old.schema, old.offset + slot, moved, stripe); // places anew only for late counts
                }
            }
        }
    }

    /** The counts as they are now; exact when no observation is in progress. */
    public Snapshot snapshot() {
        Window current = window;
        long zero = zeroCount.sum();
        if (current == null) {
            return new Snapshot(initialSchema, zero, new int[0], new long[0]);
        }
        long[] totals = current.counts(maxBuckets, stride);
        int occupied = 0;
        for (long count : totals) {
            if (count != 0) {
                occupied++;
            }
        }
        int[] indexes = new int[occupied];
        long[] counts = new long[occupied];
        for (int slot = 0, next = 0; slot < maxBuckets; slot++) {
            if (totals[slot] != 0) {
                indexes[next] = current.offset + slot;
                counts[next++] = totals[slot];
            }
        }
        return new Snapshot(current.schema, zero, indexes, counts);
    }

    /** The zero threshold these buckets were made with. */
    public double zeroThreshold() {
        return zeroThreshold;
    }

    /**
     * Native buckets read at one moment: the schema, the zero bucket's count, and the positive buckets holding
     * observations, by ascending index.
     */
    public record Snapshot(int schema, long zeroCount, int[] indexes, long[] counts) {

        /** Observations in every bucket, the zero bucket included. */
        public long total() {
            long total = zeroCount;
            for (long count : counts) {
                total += count;
            }
            return total;
        }
    }

    /** Consecutive buckets of one schema, from {@code offset}. */
    private static final class Window {

        final int schema;
        final int offset;
        final AtomicLongArray counts;
        /** Made for a range wider than any schema fits: values beyond it count in its first or last bucket. */
        final boolean saturated;

        Window(int schema, int offset, int cells, boolean saturated) {
            this.schema = schema;
            this.offset = offset;
            this.counts = new AtomicLongArray(cells);
            this.saturated = saturated;
        }

        /** The count of each of the first {@code slots} slots, over every stripe, read stripe by stripe. */
        long[] counts(int slots, int stride) {
            long[] totals = new long[slots];
            for (int stripe = 0; stripe < counts.length(); stripe += stride) {
                for (int slot = 0; slot < slots; slot++) {
                    totals[slot] += counts.get(stripe + slot);
                }
            }
            return totals;
        }

        /** The count of one slot, over every stripe. */
        long count(int slot, int stride) {
            long total = 0;
            for (int cell = slot; cell < counts.length(); cell += stride) {
                total += counts.get(cell);
            }
            return total;
        }
    }
}
