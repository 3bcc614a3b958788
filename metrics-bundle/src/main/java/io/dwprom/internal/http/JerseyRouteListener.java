package io.dwprom.internal.http;

import io.dwprom.internal.core.RecordingErrors;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

/**
 * Names the route of each Jersey request that {@link HttpMetricsFilter} is recording; it records nothing itself.
 * When Jersey starts a request, it marks the request as Jersey's (so an unmatched one gets a fixed path, never the
 * Jersey servlet's mapping); when Jersey has matched a resource method ({@code REQUEST_MATCHED}, on the request's
 * thread also for asynchronous resources), it names the route template's series ({@link JerseySeries}). The request
 * is found through {@link CurrentRequest}; one shared event listener serves every request, so nothing is allocated
 * per request. Any failure here is counted by {@link RecordingErrors} and never reaches the request.
 */
public final class JerseyRouteListener implements ApplicationEventListener {

    private final RecordingErrors errors;
    private final JerseySeries series;
    private final RequestEventListener namer = this::onRequestEvent;

    public JerseyRouteListener(HttpMetrics metrics, RecordingErrors errors) {
        this.series = new JerseySeries(metrics);
        this.errors = errors;
    }

    @Override
    public void onEvent(ApplicationEvent event) {
        // Application lifecycle events carry nothing to record.
    }

    @Override
    public RequestEventListener onRequest(RequestEvent start) {
        InFlightRequest current = CurrentRequest.get();
        if (current == null) {
            return null;
        }
        current.servedByJersey();
        return namer;
    }

    private void onRequestEvent(RequestEvent event) {
        if (event.getType() != RequestEvent.Type.REQUEST_MATCHED) {
            return;
        }
        InFlightRequest current = CurrentRequest.get();
        if (current == null) {
            return;
        }
        try {
            current.jerseyRoute(series.matched(current.method(), event.getUriInfo()));
        } catch (RuntimeException failure) {
            errors.record(HttpMetricsFilter.COMPONENT, failure);
        }
    }
}
