package io.dwprom.internal.core;

/**
 * Maps the current thread to one of a power-of-two number of stripes, so that structures striped by thread (the
 * {@link ScrapeBarrier}'s counters, {@link StripedLongs}) let threads running at once on different cores write
 * different cache lines. Thread ids are sequential, so they are mixed by a Fibonacci hash first: consecutive pool
 * threads land on different stripes.
 */
final class ThreadStripes {

    private ThreadStripes() {
    }

    /** The smallest power of two at least {@code minimum} (and at least 1). */
    static int powerOfTwoAtLeast(int minimum) {
        return minimum <= 1 ? 1 : Integer.highestOneBit(minimum - 1) << 1;
    }

    /** The current thread's stripe among {@code mask + 1} stripes ({@code mask + 1} a power of two). */
    static int ofCurrentThread(int mask) {
        long id = Thread.currentThread().getId();
        return (int) (id * 0x9E3779B97F4A7C15L >>> 32) & mask;
    }
}
