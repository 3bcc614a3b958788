package io.dwprom.internal.http;

/**
 * The {@link InFlightRequest} whose first dispatch the current thread is running, set by {@link HttpMetricsFilter}
 * around the rest of the filter chain, so that the servlet marker and the Jersey listener, which run inside that
 * chain on the same thread, can name the request's route without a request attribute lookup.
 */
final class CurrentRequest {

    private static final ThreadLocal<InFlightRequest> CURRENT = new ThreadLocal<>();

    private CurrentRequest() {
    }

    /** The request being dispatched on this thread, or null outside the filter (or for an excluded path). */
    static InFlightRequest get() {
        return CURRENT.get();
    }

    static void set(InFlightRequest request) {
        CURRENT.set(request);
    }

    /** Ends the dispatch; the thread-local entry is kept (set to null) for the thread's next request. */
    static void clear() {
        CURRENT.set(null);
    }
}
