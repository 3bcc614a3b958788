package io.dwprom.internal.http;

import io.dwprom.internal.core.Buckets;
import io.dwprom.internal.core.CardinalityGuard;
import io.dwprom.internal.core.RecordingErrors;
import io.prometheus.client.CollectorRegistry;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ServletHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ServletMarkerTest {

    private final CollectorRegistry registry = new CollectorRegistry();
    private final RecordingErrors errors = new RecordingErrors(registry);
    private final HttpMetrics metrics = new HttpMetrics(registry, new CardinalityGuard(registry, 100),
            Buckets.HTTP_DURATION_SECONDS, Buckets.HTTP_SIZE_BYTES);
    private final ServletMarker marker = new ServletMarker(errors);
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);

    @AfterEach
    void endDispatch() {
        CurrentRequest.clear();
    }

    @Test
    void jettysServletForUnmappedPathsIsLeftUnwrappedSoItsNotFoundsStayUnnamed() {
        Servlet notFound = new ServletHandler.Default404Servlet();

        assertThat(marker.wrapServlet(notFound)).isSameAs(notFound);
    }

    @Test
    void aServletNamesTheRequestByItsMappingPatternAndStillServesIt() throws Exception {
        Servlet servlet = mock(Servlet.class);
        HttpServletMapping mapping = mock(HttpServletMapping.class);
        when(mapping.getPattern()).thenReturn("/assets/*");
        when(request.getHttpServletMapping()).thenReturn(mapping);
        InFlightRequest inFlight = dispatching();

        marker.wrapServlet(servlet).service(request, response);
        inFlight.finish(inFlight.series(404), "404");

        verify(servlet).service(request, response);
        assertThat(requests("/assets/*", "404")).isEqualTo(1.0);
    }

    @Test
    void aFailureReadingTheMappingIsCountedAndTheServletStillRuns() throws Exception {
        Servlet servlet = mock(Servlet.class);
        when(request.getHttpServletMapping()).thenThrow(new IllegalStateException("no mapping"));
        InFlightRequest inFlight = dispatching();

        marker.wrapServlet(servlet).service(request, response);
        inFlight.finish(inFlight.series(200), "200");

        verify(servlet).service(request, response);
        assertThat(errors.count("http")).isEqualTo(1.0);
        assertThat(requests(HttpLabels.UNMATCHED, "200")).isEqualTo(1.0);
    }

    private InFlightRequest dispatching() {
        InFlightRequest inFlight = metrics.start();
        inFlight.method("GET");
        CurrentRequest.set(inFlight);
        return inFlight;
    }

    private Double requests(String path, String status) {
        return registry.getSampleValue(HttpMetrics.REQUESTS, new String[]{"method", "path", "status"},
                new String[]{"GET", path, status});
    }
}
