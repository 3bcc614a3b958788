package io.dwprom.internal.http;

import io.dwprom.internal.core.Buckets;
import io.dwprom.internal.core.CardinalityGuard;
import io.dwprom.internal.core.RecordingErrors;
import io.prometheus.client.CollectorRegistry;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class JerseyRouteListenerTest {

    private final CollectorRegistry registry = new CollectorRegistry();
    private final RecordingErrors errors = new RecordingErrors(registry);
    private final HttpMetrics metrics = new HttpMetrics(registry, new CardinalityGuard(registry, 100),
            Buckets.HTTP_DURATION_SECONDS, Buckets.HTTP_SIZE_BYTES);
    private final JerseyRouteListener listener = new JerseyRouteListener(metrics, errors);

    @AfterEach
    void endDispatch() {
        CurrentRequest.clear();
    }

    @Test
    void aRequestOutsideTheFilterGetsNoListener() {
        assertThat(listener.onRequest(event(RequestEvent.Type.START, null))).isNull();
    }

    @Test
    void anUnmatchedJerseyRequestGetsTheFixedPathOfItsStatusNeverTheJerseyServletsMapping() {
        InFlightRequest request = dispatching();
        request.servedByServlet("/*");
        listener.onRequest(event(RequestEvent.Type.START, null));

        request.finish(request.series(404), "404");

        assertThat(requests("GET", HttpLabels.NOT_FOUND, "404")).isEqualTo(1.0);
    }

    @Test
    void aFailureWhileNamingIsCountedAndLeavesTheRequestUnnamed() {
        InFlightRequest request = dispatching();
        RequestEventListener perRequest = listener.onRequest(event(RequestEvent.Type.START, null));
        ExtendedUriInfo brokenUriInfo = mock(ExtendedUriInfo.class);
        when(brokenUriInfo.getMatchedResourceMethod()).thenThrow(new IllegalStateException("broken"));

        assertThatCode(() -> perRequest.onEvent(event(RequestEvent.Type.REQUEST_MATCHED, brokenUriInfo)))
                .doesNotThrowAnyException();
        request.finish(request.series(200), "200");

        assertThat(errors.count("http")).isEqualTo(1.0);
        assertThat(requests("GET", HttpLabels.UNMATCHED, "200")).isEqualTo(1.0);
    }

    private InFlightRequest dispatching() {
        InFlightRequest request = metrics.start();
        request.method("GET");
        CurrentRequest.set(request);
        return request;
    }

    private Double requests(String method, String path, String status) {
        return registry.getSampleValue(HttpMetrics.REQUESTS, new String[]{"method", "path", "status"},
                new String[]{method, path, status});
    }

    private static RequestEvent event(RequestEvent.Type type, ExtendedUriInfo uriInfo) {
        RequestEvent event = mock(RequestEvent.class);
        when(event.getType()).thenReturn(type);
        when(event.getUriInfo()).thenReturn(uriInfo);
        return event;
    }
}
