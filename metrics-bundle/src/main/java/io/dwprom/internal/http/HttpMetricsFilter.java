package io.dwprom.internal.http;

import io.dwprom.internal.core.RecordingErrors;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Records every request of the application's servlet context once into {@link HttpMetrics}: whichever servlet
 * serves it (Jersey, an assets servlet, any other) or filter answers it. Mapped to {@code /*} for the
 * {@code REQUEST} dispatch at the head of the context's filter chain, so it sees requests that later filters refuse.
 *
 * <p>Contract: a request is in flight from the start of {@link #doFilter} until the chain returns or, for a request
 * that went asynchronous, until its {@link AsyncListener#onComplete} (which the container also calls after a
 * timeout or an error, once the final status is set); it is recorded and leaves the in-flight gauge exactly once.
 * Its labels are named while it runs ({@link JerseyRouteListener}, {@link ServletMarker}, through
 * {@link CurrentRequest}); sizes come from {@link BodySizes}. Requests whose path relative to the context is
 * excluded record nothing. Any failure of recording is counted by {@link RecordingErrors} and never reaches the
 * request; an exception of the chain passes through unchanged and is recorded as a 500 unless the response was
 * already committed.
 */
public final class HttpMetricsFilter implements Filter {

    static final String COMPONENT = "http";
    private static final int FAILED = 500;

    private final HttpMetrics metrics;
    private final ExcludedPaths excludedPaths;
    private final RecordingErrors errors;

    public HttpMetricsFilter(HttpMetrics metrics, ExcludedPaths excludedPaths, RecordingErrors errors) {
        this.metrics = metrics;
        this.excludedPaths = excludedPaths;
        this.errors = errors;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        InFlightRequest inFlight = start(request);
        if (inFlight == null) {
            chain.doFilter(request, response);
            return;
        }
        CurrentRequest.set(inFlight);
        boolean threw = true;
        try {
            chain.doFilter(request, response);
            threw = false;
        } finally {
            CurrentRequest.clear();
            end(inFlight, request, response, threw);
        }
    }

    /** The request's in-flight mark, or null for an excluded path or a failure (counted). */
    private InFlightRequest start(HttpServletRequest request) {
        try {
            if (excludedPaths.excludes(request.getRequestURI(), request.getContextPath().length())) {
                return null;
            }
            InFlightRequest inFlight = metrics.start();
            inFlight.method(request.getMethod());
            return inFlight;
        } catch (RuntimeException failure) {
            errors.record(COMPONENT, failure);
            return null;
        }
    }

    private void end(InFlightRequest inFlight, HttpServletRequest request, HttpServletResponse response,
                     boolean threw) {
        try {
            if (!threw && request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new Completion(inFlight, request, response));
                return;
            }
        } catch (RuntimeException failure) {
            errors.record(COMPONENT, failure);
        }
        finish(inFlight, request, response, threw);
    }

    private void finish(InFlightRequest inFlight, HttpServletRequest request, HttpServletResponse response,
                        boolean threw) {
        try {
            int status = threw && !response.isCommitted() ? FAILED : response.getStatus();
            BodySizes.add(inFlight, request, "HEAD".equals(inFlight.method()));
            inFlight.finish(inFlight.series(status), HttpLabels.status(status));
        } catch (RuntimeException failure) {
            errors.record(COMPONENT, failure);
            // Still end the in-flight mark, under labels that cannot fail.
            inFlight.finish(HttpLabels.OTHER_METHOD, HttpLabels.UNMATCHED, "unknown");
        }
    }

    /** Records an asynchronous request when it completes, with its final status. */
    private final class Completion implements AsyncListener {

        private final InFlightRequest inFlight;
        private final HttpServletRequest request;
        private final HttpServletResponse response;

        Completion(InFlightRequest inFlight, HttpServletRequest request, HttpServletResponse response) {
            this.inFlight = inFlight;
            this.request = request;
            this.response = response;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            finish(inFlight, request, response, false);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // The status is not final yet: the container completes the request afterwards, calling onComplete.
        }

        @Override
        public void onError(AsyncEvent event) {
            // As for a timeout: onComplete follows with the status the error left.
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // Called when the request goes asynchronous again: this listener must then be added anew.
            event.getAsyncContext().addListener(this);
        }
    }
}
