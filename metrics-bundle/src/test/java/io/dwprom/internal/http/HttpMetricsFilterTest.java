package io.dwprom.internal.http;

import io.dwprom.internal.core.Buckets;
import io.dwprom.internal.core.CardinalityGuard;
import io.dwprom.internal.core.RecordingErrors;
import io.prometheus.client.CollectorRegistry;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class HttpMetricsFilterTest {

    private final CollectorRegistry registry = new CollectorRegistry();
    private final RecordingErrors errors = new RecordingErrors(registry);
    private final HttpMetricsFilter filter = new HttpMetricsFilter(
            new HttpMetrics(registry, new CardinalityGuard(registry, 100), Buckets.HTTP_DURATION_SECONDS,
                    Buckets.HTTP_SIZE_BYTES),
            new ExcludedPaths(List.of("/health")), errors);
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);

    HttpMetricsFilterTest() {
        when(request.getContextPath()).thenReturn("/app");
        when(request.getMethod()).thenReturn("GET");
        when(request.getContentLengthLong()).thenReturn(-1L);
    }

    @Test
    void anExcludedPathRelativeToTheContextRecordsNothing() throws Exception {
        when(request.getRequestURI()).thenReturn("/app/health/db");
        FilterChain chain = mock(FilterChain.class);

        filter.doFilter(request, response, chain);

        verify(chain).doFilter(request, response);
        assertThat(registry.getSampleValue("http_requests_in_flight")).isEqualTo(0.0);
        assertThat(total()).isEqualTo(0.0);
    }

    @Test
    void anExceptionOfTheChainPassesThroughAndIsRecordedAsA500() {
        when(request.getRequestURI()).thenReturn("/app/boom");
        when(response.getStatus()).thenReturn(200);

        assertThatThrownBy(() -> filter.doFilter(request, response, (req, res) -> {
            throw new ServletException("boom");
        })).hasMessage("boom");


        assertThat(requests("GET", HttpLabels.UNMATCHED, "500")).isEqualTo(1.0);
        assertThat(registry.getSampleValue("http_requests_in_flight")).isEqualTo(0.0);
    }

    @Test
    void anAsynchronousRequestStaysInFlightUntilItCompletesAndIsRecordedOnce() throws Exception {
        when(request.getRequestURI()).thenReturn("/app/async");
        when(request.isAsyncStarted()).thenReturn(true);
        AsyncContext async = mock(AsyncContext.class);
        when(request.getAsyncContext()).thenReturn(async);
        when(response.getStatus()).thenReturn(200);

        filter.doFilter(request, response, (req, res) -> CurrentRequest.get().servedByServlet("/async/*"));
        assertThat(registry.getSampleValue("http_requests_in_flight")).isEqualTo(1.0);
        ArgumentCaptor<AsyncListener> listener = ArgumentCaptor.forClass(AsyncListener.class);
        verify(async).addListener(listener.capture());
        AsyncEvent event = new AsyncEvent(async, request, response);
        listener.getValue().onTimeout(event);
        assertThat(registry.getSampleValue("http_requests_in_flight")).isEqualTo(1.0);
        listener.getValue().onComplete(event);
        listener.getValue().onComplete(event);

        assertThat(registry.getSampleValue("http_requests_in_flight")).isEqualTo(0.0);
        assertThat(requests("GET", "/async/*", "200")).isEqualTo(1.0);
        assertThat(CurrentRequest.get()).isNull();
    }

    @Test
    void aFailureWhileRecordingIsCountedAndStillEndsTheInFlightMark() throws Exception {
        when(request.getRequestURI()).thenReturn("/app/x");
        when(response.getStatus()).thenThrow(new IllegalStateException("broken response"));

        filter.doFilter(request, response, (req, res) -> { });

        assertThat(errors.count("http")).isEqualTo(1.0);
        assertThat(registry.getSampleValue("http_requests_in_flight")).isEqualTo(0.0);
        assertThat(requests(HttpLabels.OTHER_METHOD, HttpLabels.UNMATCHED, "unknown")).isEqualTo(1.0);
    }

    private Double requests(String method, String path, String status) {
        return registry.getSampleValue(HttpMetrics.REQUESTS, new String[]{"method", "path", "status"},
                new String[]{method, path, status});
    }

    private double total() {
        return Collections.list(registry.metricFamilySamples()).stream().flatMap(family -> family.samples.stream())
                .filter(sample -> sample.name.equals(HttpMetrics.REQUESTS)).mapToDouble(sample -> sample.value).sum();
    }
}
