package io.dwprom.internal.http;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * One request between {@link HttpMetrics#start()} and {@link #finish}. Body byte counts are added to it before it
 * finishes, and the route is named by whatever served it ({@link JerseyRouteListener}, {@link ServletMarker}).
 * {@link #finish} records at most once, whatever calls it, so the in-flight gauge is decremented exactly as often
 * as it was incremented and can never go negative.
 */
public final class InFlightRequest {

    private static final AtomicIntegerFieldUpdater<InFlightRequest> FINISHED =
            AtomicIntegerFieldUpdater.newUpdater(InFlightRequest.class, "finished");

    private final HttpMetrics metrics;
    private final long startNanos;
    private volatile int finished;
    private long requestBodyBytes;
    private long responseBytesWritten;
    /** The request's own HTTP method, as the client sent it; set by the filter that started the request. */
    private String method;
    /** The series of the matched Jersey resource method; null until (unless) Jersey matched one. */
    private RouteSeries jerseyRoute;
    /** The mapping pattern of the servlet that served the request; null when none did, or when Jersey did. */
    private String servletPattern;

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

    void method(String method) {
        this.method = method;
    }

    /** The HTTP method the client sent (Jersey answers HEAD with a GET method, under GET while it runs). */
    String method() {
        return method;
    }

    /** Marks the request as served by the servlet mapped by {@code pattern}; only the first servlet counts. */
    void servedByServlet(String pattern) {
        if (servletPattern == null && jerseyRoute == null) {
            servletPattern = pattern;
        }
    }

    /** Marks the request as served by Jersey: its path is Jersey's route, or a fixed value if none matched. */
    void servedByJersey() {
        servletPattern = null;
    }

    void jerseyRoute(RouteSeries route) {
        jerseyRoute = route;
    }

    /**
     * The series of the finished request: its Jersey route, else its servlet's mapping pattern, else (a filter
     * answered, or no servlet, or Jersey matched nothing) the fixed path of its status.
     */
    RouteSeries series(int status) {
        if (jerseyRoute != null) {
            return jerseyRoute;
        }
        String path = servletPattern != null ? servletPattern : HttpLabels.unmatchedPath(status);
        return metrics.series(HttpLabels.method(method), path);
    }
}
