package io.dwprom.http;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * One request between {@link HttpMetrics#start()} and {@link #finish}. Body byte counts accumulate while the
 * request runs. {@link #finish} records at most once, whatever calls it, so the in-flight gauge is decremented
 * exactly as often as it was incremented and can never go negative.
 */
public final class InFlightRequest {

    private static final AtomicIntegerFieldUpdater<InFlightRequest> FINISHED =
            AtomicIntegerFieldUpdater.newUpdater(InFlightRequest.class, "finished");

    private final HttpMetrics metrics;
    private final long startNanos;
    private volatile int finished;
    private long requestBodyBytes;
    private long responseBytesWritten;

    InFlightRequest(HttpMetrics metrics, long startNanos) {
        this.metrics = metrics;
        this.startNanos = startNanos;
    }

    /** Adds to the request body size: its declared Content-Length, or bytes as they are read. */
    public void addRequestBytes(long count) {
        requestBodyBytes += count;
    }

    public void addResponseBytes(long count) {
        responseBytesWritten += count;
    }

    /**
     * Records the request under bounded labels (see {@link HttpLabels}), with the body bytes added to it as its
     * sizes; later calls do nothing.
     *
     * @return whether this call recorded
     */
    public boolean finish(String method, String path, String status) {
        if (!FINISHED.compareAndSet(this, 0, 1)) {
            return false;
        }
        metrics.record(method, path, status, System.nanoTime() - startNanos, requestBodyBytes, responseBytesWritten);
        return true;
    }

    /** As {@link #finish(String, String, String)}, into a series the caller already found. */
    boolean finish(RouteSeries series, String status) {
        if (!FINISHED.compareAndSet(this, 0, 1)) {
            return false;
        }
        metrics.record(series, status, System.nanoTime() - startNanos, requestBodyBytes, responseBytesWritten);
        return true;
    }
}
