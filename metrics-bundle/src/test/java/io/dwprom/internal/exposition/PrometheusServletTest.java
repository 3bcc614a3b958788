package io.dwprom.internal.exposition;

import io.dwprom.internal.core.ScrapeBarrier;
import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import io.prometheus.client.Histogram;
import io.prometheus.client.Summary;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class PrometheusServletTest {

    private final CollectorRegistry registry = new CollectorRegistry();
    private final PrometheusServlet servlet = new PrometheusServlet(registry, new ScrapeBarrier(), EndpointAccess.open());
    private final AtomicBoolean failing = new AtomicBoolean(true);

    @Test
    void aCollectorThatThrowsGivesA500NamingTheCauseAndTheNextScrapeRecovers() throws Exception {
        Gauge.build("healthy_gauge", "fine").register(registry).set(3);
        new Collector() {
            @Override
            public List<MetricFamilySamples> collect() {
                if (failing.get()) {
                    throw new IllegalStateException("collector exploded");
                }
                return List.of();
            }
        }.register(registry);

        HttpServletResponse failed = mock(HttpServletResponse.class);
        servlet.doGet(request(), failed);
        verify(failed).sendError(eq(500), contains("collector exploded"));
        verify(failed, never()).getWriter();

        failing.set(false);
        HttpServletResponse recovered = mock(HttpServletResponse.class);
        StringWriter body = new StringWriter();
        when(recovered.getWriter()).thenReturn(new PrintWriter(body));
        servlet.doGet(request(), recovered);

        verify(recovered).setStatus(200);
        assertThat(body.toString()).contains("healthy_gauge 3.0").contains("dwprom_scrape_errors_total 1.0");
    }

    @Test
    void withoutCreatedSeriesTheCreatedSamplesOfCountersHistogramsAndSummariesAreLeftOut() throws Exception {
        String without = scrape(new PrometheusServlet(everyType(), new ScrapeBarrier(), EndpointAccess.open(), false));
        String with = scrape(new PrometheusServlet(everyType(), new ScrapeBarrier(), EndpointAccess.open(), true));

        assertThat(without).contains("jobs_total 1.0", "job_seconds_count 1.0", "job_bytes_sum 10.0",
                "last_created 7.0", "dwprom_scrape_errors_total 0.0")
                .doesNotContain("jobs_created", "job_seconds_created", "job_bytes_created", "scrape_errors_created");
        assertThat(with).contains("jobs_created", "job_seconds_created", "job_bytes_created", "last_created 7.0",
                "dwprom_scrape_errors_created");
    }

    private static CollectorRegistry everyType() {
        CollectorRegistry registry = new CollectorRegistry();
        Counter.build("jobs_total", "Jobs.").register(registry).inc();
        Histogram.build("job_seconds", "Job time.").buckets(1).register(registry).observe(0.5);
        Summary.build("job_bytes", "Job size.").register(registry).observe(10);
        Gauge.build("last_created", "A gauge whose own name ends in _created.").register(registry).set(7);
        return registry;
    }

    private static String scrape(PrometheusServlet endpoint) throws Exception {
        HttpServletResponse response = mock(HttpServletResponse.class);
        StringWriter body = new StringWriter();
        when(response.getWriter()).thenReturn(new PrintWriter(body));
        endpoint.doGet(request(), response);
        verify(response).setStatus(200);
        return body.toString();
    }

    private static HttpServletRequest request() {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getRequestURI()).thenReturn("/prometheus");
        return request;
    }
}
