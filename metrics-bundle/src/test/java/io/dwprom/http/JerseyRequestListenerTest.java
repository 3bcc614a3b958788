package io.dwprom.http;

import io.dwprom.core.Buckets;
import io.dwprom.core.CardinalityGuard;
import io.dwprom.core.RecordingErrors;
import io.prometheus.client.CollectorRegistry;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class JerseyRequestListenerTest {

    private final CollectorRegistry registry = new CollectorRegistry();
    private final RecordingErrors errors = new RecordingErrors(registry);
    private final JerseyRequestListener listener = new JerseyRequestListener(
            new HttpMetrics(registry, new CardinalityGuard(registry, 100), Buckets.HTTP_DURATION_SECONDS, Buckets.HTTP_SIZE_BYTES),
            new ExcludedPaths(List.of("/health")), errors);

    @Test
    void aFailureWhileLabellingIsCountedAndStillEndsTheInFlightMark() {
        ContainerRequest request = mock(ContainerRequest.class);
        when(request.getPath(false)).thenReturn("experiments/1");
        when(request.getMethod()).thenReturn("GET");
        RequestEventListener perRequest = listener.onRequest(event(RequestEvent.Type.START, request, null, null));
        assertThat(registry.getSampleValue("http_requests_in_flight")).isEqualTo(1.0);

        ExtendedUriInfo brokenUriInfo = mock(ExtendedUriInfo.class);
        when(brokenUriInfo.getMatchedResourceMethod()).thenThrow(new IllegalStateException("broken"));
        ContainerResponse response = mock(ContainerResponse.class);
        when(response.getStatus()).thenReturn(200);

        assertThatCode(() -> perRequest.onEvent(event(RequestEvent.Type.FINISHED, request, response, brokenUriInfo)))
                .doesNotThrowAnyException();
        assertThat(errors.count("http")).isEqualTo(1.0);
        assertThat(registry.getSampleValue("http_requests_in_flight")).isEqualTo(0.0);
    }

    @Test
    void aFailureAtTheStartIsCountedAndTheRequestGoesOnUnobserved() {
        ContainerRequest request = mock(ContainerRequest.class);
        when(request.getPath(false)).thenThrow(new IllegalArgumentException("bad URI"));

        assertThat(listener.onRequest(event(RequestEvent.Type.START, request, null, null))).isNull();
        assertThat(errors.count("http")).isEqualTo(1.0);
        assertThat(registry.getSampleValue("http_requests_in_flight")).isEqualTo(0.0);
    }

    @Test
    void aMalformedContentLengthLeavesTheBodyMeasuredByTheBytesRead() throws IOException {
        ContainerRequest request = mock(ContainerRequest.class);
        when(request.getPath(false)).thenReturn("uploads");
        when(request.getMethod()).thenReturn("POST");
        when(request.getHeaderString("content-length")).thenReturn("twelve");
        when(request.getEntityStream()).thenReturn(new ByteArrayInputStream(new byte[5]));
        RequestEventListener perRequest = listener.onRequest(event(RequestEvent.Type.START, request, null, null));
        ArgumentCaptor<InputStream> counted = ArgumentCaptor.forClass(InputStream.class);
        verify(request).setEntityStream(counted.capture());
        assertThat(counted.getValue().readAllBytes()).hasSize(5);

        ContainerResponse response = mock(ContainerResponse.class);
        when(response.getStatus()).thenReturn(404);
        perRequest.onEvent(event(RequestEvent.Type.FINISHED, request, response, null));

        assertThat(registry.getSampleValue(HttpMetrics.REQUEST_SIZE + "_sum", new String[] {"method", "path"},
                new String[] {"POST", HttpLabels.unmatchedPath(404)})).isEqualTo(5.0);
        assertThat(errors.count("http")).isEqualTo(0.0);
    }

    @Test
    void excludedPathsGetNoListenerAtAll() {
        ContainerRequest request = mock(ContainerRequest.class);
        when(request.getPath(false)).thenReturn("health");

        assertThat(listener.onRequest(event(RequestEvent.Type.START, request, null, null))).isNull();
        assertThat(registry.getSampleValue("http_requests_in_flight")).isEqualTo(0.0);
    }

    private static RequestEvent event(RequestEvent.Type type, ContainerRequest request, ContainerResponse response,
                                      ExtendedUriInfo uriInfo) {
        RequestEvent event = mock(RequestEvent.class);
        when(event.getType()).thenReturn(type);
        when(event.getContainerRequest()).thenReturn(request);
        when(event.getContainerResponse()).thenReturn(response);
        when(event.getUriInfo()).thenReturn(uriInfo);
        return event;
    }
}
