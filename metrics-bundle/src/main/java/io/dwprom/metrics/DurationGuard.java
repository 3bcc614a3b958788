package io.dwprom.metrics;

import java.util.function.DoubleConsumer;

/**
 * Records the seconds elapsed between its creation and {@link #close()}, for use in try-with-resources:
 *
 * <pre>{@code
 * try (DurationGuard ignored = DurationGuard.start(histogramChild::observe)) {
 *     expensiveOperation();
 * }
 * }</pre>
 *
 * Closing twice records once. The observer is called on the closing thread.
 */
public final class DurationGuard implements AutoCloseable {

    private final DoubleConsumer secondsObserver;
    private final long startNanos;
    private boolean closed;

    private DurationGuard(DoubleConsumer secondsObserver) {
        this.secondsObserver = secondsObserver;
        this.startNanos = System.nanoTime();
    }

    /** Starts timing now; the elapsed seconds go to {@code secondsObserver} on close. */
    public static DurationGuard start(DoubleConsumer secondsObserver) {
        return new DurationGuard(secondsObserver);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        secondsObserver.accept((System.nanoTime() - startNanos) / 1e9);
    }
}
