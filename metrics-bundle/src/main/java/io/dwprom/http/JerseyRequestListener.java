package io.dwprom.http;

import io.dwprom.core.RecordingErrors;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

/**
 * Feeds {@link HttpMetrics} from Jersey's request events. Jersey's event listener is used rather than a
 * request/response filter pair because its {@code FINISHED} event is the one hook that fires exactly once for
 * every request, after the response body is written, also when a filter, a resource or an exception mapper
 * fails; that is what keeps counts exact and the in-flight gauge balanced. A request's size is its declared
 * Content-Length, read when it starts (its headers are then fresh in the CPU's caches); without one, the bytes
 * read, counted by {@link CountingStreams} set around its entity stream. The response's bytes are always counted,
 * by {@link CountingStreams} set around its entity stream once its filters ran, just before Jersey writes it. (A
 * writer interceptor would need the request's properties to find its request, and in a servlet container those
 * are request attributes: measurably slower.) Any failure
 * here is counted by {@link RecordingErrors} and never reaches the request.
 */
public final class JerseyRequestListener implements ApplicationEventListener {

    static final String COMPONENT = "http";
    private static final String CONTENT_LENGTH = "content-length";

    private final HttpMetrics metrics;
    private final ExcludedPaths excludedPaths;
    private final RecordingErrors errors;
    private final JerseySeries series;

    public JerseyRequestListener(HttpMetrics metrics, ExcludedPaths excludedPaths, RecordingErrors errors) {
        this.metrics = metrics;
        this.series = new JerseySeries(metrics);
        this.excludedPaths = excludedPaths;
        this.errors = errors;
    }

    @Override
    public void onEvent(ApplicationEvent event) {
        // Application lifecycle events carry nothing to record.
    }

    @Override
    public RequestEventListener onRequest(RequestEvent start) {
        try {
            ContainerRequest request = start.getContainerRequest();
            if (excludedPaths.excludes(request.getPath(false))) {
                return null;
            }
            InFlightRequest inFlight = metrics.start();
            // A HEAD response body is rendered but never sent: leave it uncounted.
            boolean countBodies = !"HEAD".equals(request.getMethod());
            long declaredLength = declaredLength(request);
            if (declaredLength >= 0) {
                inFlight.addRequestBytes(declaredLength);
            } else if (countBodies && request.getEntityStream() != null) {
                request.setEntityStream(new CountingStreams.Input(request.getEntityStream(), inFlight));
            }
            return new Completion(inFlight, countBodies);
        } catch (RuntimeException failure) {
            errors.record(COMPONENT, failure);
            return null;
        }
    }

    /**
     * The request's Content-Length, or -1 when it has none or one that is not a single whole number (Jetty rejects
     * malformed ones first). Looked up in lower case: Jersey's header map lower-cases a key to hash it, so a key
     * already in lower case costs no new string; {@code getLength()} with its mixed-case name allocated one on
     * every request.
     */
    private static long declaredLength(ContainerRequest request) {
        String value = request.getHeaderString(CONTENT_LENGTH);
        if (value == null) {
            return -1;
        }
        try {
            return Math.max(-1, Long.parseLong(value.trim()));
        } catch (NumberFormatException malformed) {
            return -1;
        }
    }

    private final class Completion implements RequestEventListener {

        private final InFlightRequest inFlight;
        private final boolean countBodies;

        Completion(InFlightRequest inFlight, boolean countBodies) {
            this.inFlight = inFlight;
            this.countBodies = countBodies;
        }

        @Override
        public void onEvent(RequestEvent event) {
            switch (event.getType()) {
                case RESP_FILTERS_FINISHED -> countResponseBody(event.getContainerResponse());
                case FINISHED -> finish(event);
                default -> {
                    // the other stages carry nothing to record
                }
            }
        }

        /** Fires once per response Jersey writes (again for an error response mapped after a failed write). */
        private void countResponseBody(ContainerResponse response) {
            try {
                if (countBodies && response != null && !(response.getEntityStream() instanceof CountingStreams.Output)) {
                    response.setEntityStream(new CountingStreams.Output(response.getEntityStream(), inFlight));
                }
            } catch (RuntimeException failure) {
                errors.record(COMPONENT, failure);
            }
        }

        private void finish(RequestEvent event) {
            try {
                ContainerRequest request = event.getContainerRequest();
                ContainerResponse response = event.getContainerResponse();
                int status = response != null ? response.getStatus() : 500;
                inFlight.finish(series.of(request.getMethod(), event.getUriInfo(), status), HttpLabels.status(status));
            } catch (RuntimeException failure) {
                errors.record(COMPONENT, failure);
                // Still close the in-flight mark, under labels that cannot fail.
                inFlight.finish(HttpLabels.OTHER_METHOD, HttpLabels.UNMATCHED, "unknown");
            }
        }
    }
}
