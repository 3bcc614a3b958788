package io.dwprom.internal.exposition;

import io.dwprom.internal.core.Buckets;
import io.dwprom.internal.core.CardinalityGuard;
import io.dwprom.internal.core.NativeBucketIndex;
import io.dwprom.internal.core.NativeHistogramSettings;
import io.dwprom.internal.core.NativeHistograms;
import io.dwprom.internal.core.ScrapeBarrier;
import io.dwprom.internal.db.DatabaseMetrics;
import io.dwprom.internal.http.HttpMetricsTestAccess;
import io.dwprom.internal.exemplars.Exemplars;
import io.dwprom.testapp.Golden;
import io.dwprom.testapp.SampledSpan;
import io.opentelemetry.context.Scope;
// client_java's generated client_model classes, in the package of the protobuf runtime it shades.
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_35_0.Metrics;
import io.prometheus.client.Counter;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Gauge;
import io.prometheus.client.Summary;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ProtobufExpositionTest {

    /** Prometheus 2.42's Accept header with --enable-feature=native-histograms (scrape/scrape.go, v2.42.0). */
    static final String PROMETHEUS_2_42_NATIVE = "application/vnd.google.protobuf;proto=io.prometheus.client."
            + "MetricFamily;encoding=delimited,application/openmetrics-text;version=1.0.0;q=0.8,application/"
            + "openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
    /** Prometheus 2.42's Accept header without it. */
    static final String PROMETHEUS_2_42 = "application/openmetrics-text;version=1.0.0,application/openmetrics-text;"
            + "version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    private static final NativeHistogramSettings SETTINGS = new NativeHistogramSettings(3, 160, 0x1p-128);

    @Test
    void aNativeHistogramScraperGetsNativeAndClassicBucketsOfBothDurationFamiliesAndEveryOtherFamily()
            throws Exception {
        NativeHistograms natives = NativeHistograms.enabled(SETTINGS);
        CollectorRegistry registry = recorded(natives);
        PrometheusServlet servlet = new PrometheusServlet(registry, new ScrapeBarrier(), EndpointAccess.open(),
                true, natives);

        Scrape scrape = scrape(servlet, PROMETHEUS_2_42_NATIVE);
        assertThat(scrape.contentType).isEqualTo("application/vnd.google.protobuf; "
                + "proto=io.prometheus.client.MetricFamily; encoding=delimited");
        Map<String, Metrics.MetricFamily> families = parse(scrape.bytes);

        Metrics.MetricFamily http = families.get("http_request_duration_seconds");
        assertThat(http.getType()).isEqualTo(Metrics.MetricType.HISTOGRAM);
        Map<String, Double> seconds = Map.of("/experiments/{id}", 0.002, "/datasets", 0.3);
        assertThat(http.getMetricCount()).isEqualTo(2);
        for (Metrics.Metric series : http.getMetricList()) {
            Metrics.Histogram histogram = series.getHistogram();
            double value = seconds.get(label(series, "path"));
            assertThat(histogram.getSampleCount()).isEqualTo(1);
            assertThat(histogram.getSampleSum()).isEqualTo(value);
            assertThat(histogram.getBucketCount()).isEqualTo(Buckets.HTTP_DURATION_SECONDS.size() + 1);
            assertThat(histogram.getSchema()).isEqualTo(3);
            assertThat(histogram.getZeroThreshold()).isEqualTo(0x1p-128);
            assertThat(nativeIndexes(histogram)).containsExactly(NativeBucketIndex.of(value, 3));
        }

        Metrics.MetricFamily db = families.get("db_query_duration_seconds");
        assertThat(db.getMetricCount()).isEqualTo(2);
        for (Metrics.Metric series : db.getMetricList()) {
            Metrics.Histogram histogram = series.getHistogram();
            assertThat(histogram.getSampleCount()).isEqualTo(1);
            assertThat(histogram.getBucketCount()).isEqualTo(Buckets.DB_QUERY_SECONDS.size() + 1);
            assertThat(histogram.getBucket(histogram.getBucketCount() - 1).getCumulativeCount()).isEqualTo(1);
            assertThat(histogram.getPositiveSpanCount()).isEqualTo(1);
            assertThat(histogram.getPositiveDelta(0)).isEqualTo(1);
        }

        Metrics.MetricFamily sizes = families.get("http_request_size_bytes");
        assertThat(sizes.getMetric(0).getHistogram().getPositiveSpanCount()).isZero();
        assertThat(sizes.getMetric(0).getHistogram().getZeroThreshold()).isZero();
        assertThat(families.get("jobs_total").getType()).isEqualTo(Metrics.MetricType.COUNTER);
        assertThat(families.get("jobs_total").getMetric(0).getCounter().getValue()).isEqualTo(3);
        assertThat(families.get("jobs_total").getMetric(0).getCounter().hasCreatedTimestamp()).isTrue();
        assertThat(families.get("queue_size").getMetric(0).getGauge().getValue()).isEqualTo(7);
        assertThat(families.get("job_bytes").getType()).isEqualTo(Metrics.MetricType.SUMMARY);
        assertThat(families.get("job_bytes").getMetric(0).getSummary().getSampleSum()).isEqualTo(10);
        assertThat(families.get("http_requests_total").getMetric(0).getCounter().getValue()).isEqualTo(1);
        // as in the text, less the families without series (a labelled counter before its first use)
        assertThat(families.keySet()).containsExactlyInAnyOrderElementsOf(textFamilyNames(registry))
                .hasSize(12);
    }

    @Test
    void exemplarsOfSampledRequestsRideOnTheClassicBucketsOfTheProtobufAnswer() throws Exception {
        NativeHistograms natives = NativeHistograms.enabled(SETTINGS);
        CollectorRegistry registry = new CollectorRegistry();
        try (Scope ignored = SampledSpan.makeCurrent()) {
            HttpMetricsTestAccess.recordPinnedRequests(registry, new CardinalityGuard(registry, 100), natives,
                    Exemplars.sampler(true).orElseThrow());
        }
        PrometheusServlet servlet = new PrometheusServlet(registry, new ScrapeBarrier(), EndpointAccess.open(),
                false, natives);

        Metrics.MetricFamily http = parse(scrape(servlet, PROMETHEUS_2_42_NATIVE).bytes)
                .get("http_request_duration_seconds");
        for (Metrics.Metric series : http.getMetricList()) {
            Metrics.Histogram histogram = series.getHistogram();
            List<Metrics.Exemplar> exemplars = histogram.getBucketList().stream().filter(Metrics.Bucket::hasExemplar)
                    .map(Metrics.Bucket::getExemplar).toList();
            assertThat(exemplars).hasSize(1);
            assertThat(exemplars.get(0).getLabelList()).anyMatch(pair -> pair.getValue().equals(SampledSpan.TRACE_ID));
            assertThat(exemplars.get(0).getValue()).isEqualTo(histogram.getSampleSum());
            assertThat(histogram.getPositiveSpanCount()).isEqualTo(1);
        }
    }

    @Test
    void withNativeHistogramsTheTextFormatsAreExactlyAsWithout() throws Exception {
        NativeHistograms natives = NativeHistograms.enabled(SETTINGS);
        CollectorRegistry withNative = recorded(natives);
        CollectorRegistry without = recorded(NativeHistograms.disabled());
        PrometheusServlet nativeServlet = new PrometheusServlet(withNative, new ScrapeBarrier(),
                EndpointAccess.open(), false, natives);
        PrometheusServlet classicServlet = new PrometheusServlet(without, new ScrapeBarrier(),
                EndpointAccess.open(), false);

        for (String accept : new String[]{null, "text/plain", PROMETHEUS_2_42, "application/openmetrics-text"}) {
            Scrape withNativeScrape = scrape(nativeServlet, accept);
            Scrape withoutScrape = scrape(classicServlet, accept);
            assertThat(withNativeScrape.contentType).isEqualTo(withoutScrape.contentType).doesNotContain("protobuf");
            assertThat(familiesByName(withNativeScrape.text)).isEqualTo(familiesByName(withoutScrape.text));
            assertThat(withNativeScrape.text.endsWith("# EOF\n")).isEqualTo(withoutScrape.text.endsWith("# EOF\n"));
        }
    }

    @Test
    void withNativeHistogramsDisabledEvenAProtobufScraperGetsTheText() throws Exception {
        CollectorRegistry registry = recorded(NativeHistograms.disabled());
        PrometheusServlet servlet = new PrometheusServlet(registry, new ScrapeBarrier(), EndpointAccess.open(),
                false, NativeHistograms.disabled());

        Scrape scrape = scrape(servlet, PROMETHEUS_2_42_NATIVE);
        assertThat(scrape.contentType).startsWith("application/openmetrics-text");
        assertThat(scrape.text).contains("http_request_duration_seconds_bucket");
    }

    /** Families recorded as in the golden tests, plus one of each other type. */
    private static CollectorRegistry recorded(NativeHistograms natives) {
        CollectorRegistry registry = new CollectorRegistry();
        CardinalityGuard guard = new CardinalityGuard(registry, 100);
        HttpMetricsTestAccess.recordPinnedRequests(registry, guard, natives, null);
        DatabaseMetrics db = new DatabaseMetrics(registry, guard, Buckets.DB_QUERY_SECONDS, null,
                DatabaseMetrics.CONNECTIONS, natives);
        db.recordQuery("select", "experiments", Duration.ofNanos(700_000));
        db.recordQuery("insert", "runs", Duration.ofMillis(20));
        Counter.build("jobs_total", "Jobs.").register(registry).inc(3);
        Gauge.build("queue_size", "Queue.").register(registry).set(7);
        Summary.build("job_bytes", "Job size.").register(registry).observe(10);
        return registry;
    }

    /** The text's families, each whole, by name: two registries may list their collectors in another order. */
    private static Map<String, List<String>> familiesByName(String text) {
        Map<String, List<String>> families = new TreeMap<>();
        String family = "";
        for (String line : text.split("\n")) {
            if (line.equals("# EOF")) {
                continue; // after whichever family the registry lists last
            }
            if (line.startsWith("# ")) {
                family = line.split(" ", 4)[2];
            }
            families.computeIfAbsent(family, name -> new ArrayList<>()).add(line);
        }
        return families;
    }

    private static List<String> textFamilyNames(CollectorRegistry registry) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, List<String>> family : familiesByName(Golden.openMetrics(registry)).entrySet()) {
            boolean hasSeries = family.getValue().stream().anyMatch(line -> !line.startsWith("#"));
            boolean counter = family.getValue().contains("# TYPE " + family.getKey() + " counter");
            if (hasSeries) {
                names.add(counter ? family.getKey() + "_total" : family.getKey());
            }
        }
        return names;
    }

    private static String label(Metrics.Metric series, String name) {
        return series.getLabelList().stream().filter(pair -> pair.getName().equals(name)).findFirst().orElseThrow()
                .getValue();
    }

    private static List<Integer> nativeIndexes(Metrics.Histogram histogram) {
        List<Integer> indexes = new ArrayList<>();
        int index = 0;
        long count = 0;
        int delta = 0;
        for (Metrics.BucketSpan span : histogram.getPositiveSpanList()) {
            index += span.getOffset();
            for (int i = 0; i < span.getLength(); i++, index++) {
                count += histogram.getPositiveDelta(delta++);
                if (count > 0) {
                    indexes.add(index);
                }
            }
        }
        return indexes;
    }

    private static Map<String, Metrics.MetricFamily> parse(byte[] delimited) throws Exception {
        Map<String, Metrics.MetricFamily> families = new LinkedHashMap<>();
        ByteArrayInputStream in = new ByteArrayInputStream(delimited);
        Metrics.MetricFamily family;
        while ((family = Metrics.MetricFamily.parseDelimitedFrom(in)) != null) {
            families.put(family.getName(), family);
        }
        return families;
    }

    private record Scrape(String contentType, String text, byte[] bytes) {
    }

    private static Scrape scrape(PrometheusServlet servlet, String accept) throws Exception {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getRequestURI()).thenReturn("/prometheus");
        when(request.getHeader("Accept")).thenReturn(accept);
        HttpServletResponse response = mock(HttpServletResponse.class);
        StringWriter text = new StringWriter();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        when(response.getWriter()).thenReturn(new PrintWriter(text));
        when(response.getOutputStream()).thenReturn(new ServletOutputStream() {
            @Override
            public void write(int b) {
                bytes.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }
        });
        servlet.doGet(request, response);
        verify(response).setStatus(200);
        ArgumentCaptor<String> contentType = ArgumentCaptor.forClass(String.class);
        verify(response).setContentType(contentType.capture());
        return new Scrape(contentType.getValue(), text.toString(), bytes.toByteArray());
    }
}
