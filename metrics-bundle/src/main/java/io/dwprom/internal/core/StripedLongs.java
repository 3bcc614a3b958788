package io.dwprom.internal.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A row of {@code long} cells, kept once per thread stripe and summed when read. It does for a whole row what
 * {@link java.util.concurrent.atomic.LongAdder} does for one value, with one difference that matters on the request
 * path: a {@code LongAdder} has at most as many cells as the machine has cores, so when dozens of pool threads take
 * turns on two cores, the threads running at one moment often share a cell and its cache line moves between
 * cores on every write; here stripes follow threads ({@link ThreadStripes}), several per core, so a request's
 * writes usually stay in its core's cache. A stripe is allocated on the first write of a thread that maps to it,
 * padded so that no two stripes share a cache line.
 */
public final class StripedLongs {

    /** Stripes per row: several per core (pool threads outnumber cores), bounded so that rows stay small. */
    static final int STRIPES = Math.min(64, ThreadStripes.powerOfTwoAtLeast(
            8 * Runtime.getRuntime().availableProcessors()));
    /** Longs before and after the cells of a stripe: 128 bytes, which also keeps adjacent-line prefetch apart. */
    private static final int PADDING = 16;
    private static final VarHandle CELL = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle STRIPE = MethodHandles.arrayElementVarHandle(Stripe[].class);

    private final int width;
    private final Stripe[] stripes = new Stripe[STRIPES];

    /** A row of {@code width} cells, all zero. */
    public StripedLongs(int width) {
        if (width < 1) {
            throw new IllegalArgumentException("A row needs at least one cell, not " + width);
        }
        this.width = width;
    }

    /** The current thread's stripe: fetch it once, then write several cells of a recording to it. */
    public Stripe currentStripe() {
        int index = ThreadStripes.ofCurrentThread(STRIPES - 1);
        Stripe stripe = (Stripe) STRIPE.getAcquire(stripes, index);
        return stripe != null ? stripe : allocate(index);
    }

    private Stripe allocate(int index) {
        Stripe created = new Stripe(width);
        Stripe raced = (Stripe) STRIPE.compareAndExchange(stripes, index, null, created);
        return raced != null ? raced : created;
    }

    /** The sum of one cell over every stripe; each stripe's cell is read with volatile semantics, in stripe order. */
    public long sum(int cell) {
        long total = 0;
        for (int i = 0; i < stripes.length; i++) {
            Stripe stripe = (Stripe) STRIPE.getAcquire(stripes, i);
            if (stripe != null) {
                total += (long) CELL.getVolatile(stripe.cells, PADDING + cell);
            }
        }
        return total;
    }

    /** The sums of all cells, one value per cell of the row. */
    public long[] sums() {
        long[] totals = new long[width];
        for (int i = 0; i < stripes.length; i++) {
            Stripe stripe = (Stripe) STRIPE.getAcquire(stripes, i);
            if (stripe != null) {
                for (int cell = 0; cell < width; cell++) {
                    totals[cell] += (long) CELL.getVolatile(stripe.cells, PADDING + cell);
                }
            }
        }
        return totals;
    }

    /** One thread stripe of the row; its additions are atomic, as other threads may map to the same stripe. */
    public static final class Stripe {

        private final long[] cells;

        private Stripe(int width) {
            this.cells = new long[PADDING + width + PADDING];
        }

        /** Adds {@code delta} to cell {@code cell} (0-based, below the row's width). */
        public void add(int cell, long delta) {
            CELL.getAndAdd(cells, PADDING + cell, delta);
        }
    }
}
