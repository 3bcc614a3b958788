package io.dwprom.benchmarks;

import io.dwprom.internal.core.Buckets;
import io.dwprom.internal.core.CardinalityGuard;
import io.dwprom.internal.core.ScrapeBarrier;
import io.dwprom.internal.exposition.EndpointAccess;
import io.dwprom.internal.exposition.PrometheusServlet;
import io.dwprom.internal.http.HttpMetrics;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import io.prometheus.client.Histogram;
import io.prometheus.client.exporter.common.TextFormat;
import jakarta.servlet.ServletException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Goal 3: one scrape of a registry holding {@code series} sample lines, through the bundle's real
 * {@link PrometheusServlet} (collection under the scrape barrier, rendering, write-out), next to the baseline of
 * plain simpleclient, {@link TextFormat} writing straight to the response writer as simpleclient's own servlet
 * does. The servlet is scraped through {@link ServedScrape}'s minimal request and response, which count what they
 * are given and keep nothing.
 *
 * <p>Shapes: {@code gauges}, one labelled gauge family (one line per child); {@code http}, the bundle's HTTP
 * families (a counter with {@code _created}, three histograms) filled with label sets until the line count is
 * reached, the shape a real scrape has, built on plain simpleclient; {@code bundleHttp}, the same families and
 * lines kept by the bundle's own {@code HttpMetrics}, every route written from {@value #WRITER_THREADS} threads so
 * that each row has all its stripes to sum. Lines, not children, are what the goal counts (and what Prometheus
 * stores as series).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ScrapeBenchmark {

    @Param({"10000"})
    public int series;

    private static final int WRITER_THREADS = 32;

    @Param({"gauges", "http", "bundleHttp"})
    public String shape;

    @Param({"text", "openmetrics"})
    public String format;

    private CollectorRegistry registry;
    private ServedScrape scrapes;
    private CountingWriter sink;
    private String contentType;

    @Setup
    public void setUp() throws Exception {
        registry = new CollectorRegistry();
        fill(registry, shape, series);
        PrometheusServlet servlet = new PrometheusServlet(registry, new ScrapeBarrier(), EndpointAccess.open());
        contentType = TextFormat.chooseContentType(format.equals("openmetrics") ? ServedScrape.OPENMETRICS_ACCEPT : null);
        sink = new CountingWriter();
        scrapes = new ServedScrape(servlet, format);
        StringWriter text = new StringWriter();
        TextFormat.write004(text, registry.metricFamilySamples());
        long lines = text.toString().lines().filter(line -> !line.startsWith("#")).count();
        System.out.printf("%n[setup] shape=%s: %d sample lines, %d chars in text 0.0.4%n", shape, lines, text.getBuffer().length());
    }

    /** Fills {@code registry} until it renders at least {@code lines} sample lines of the given shape. */
    static void fill(CollectorRegistry registry, String shape, int lines) {
        if (shape.equals("gauges")) {
            Gauge gauge = Gauge.build("bench_queue_size", "Queue sizes.").labelNames("queue").register(registry);
            for (int i = 0; i < lines; i++) {
                gauge.labels("queue-" + i).set(i);
            }
            return;
        }
        if (shape.equals("bundleHttp")) {
            fillBundleHttp(registry, lines);
            return;
        }
        double[] durations = Buckets.toArray(Buckets.HTTP_DURATION_SECONDS);
        double[] sizes = Buckets.toArray(Buckets.HTTP_SIZE_BYTES);
        Counter requests = Counter.build("http_requests_total", "h").labelNames("method", "path", "status").register(registry);
        Histogram duration = Histogram.build("http_request_duration_seconds", "h").labelNames("method", "path")
                .buckets(durations).register(registry);
        Histogram requestSize = Histogram.build("http_request_size_bytes", "h").labelNames("method", "path")
                .buckets(sizes).register(registry);
        Histogram responseSize = Histogram.build("http_response_size_bytes", "h").labelNames("method", "path")
                .buckets(sizes).register(registry);
        // Per (method, path): 3 statuses x 2 counter lines + 16 + 10 + 10 histogram lines = 42 lines.
        String[] statuses = {"200", "404", "500"};
        for (int route = 0, rendered = 0; rendered < lines; route++) {
            String method = route % 2 == 0 ? "GET" : "POST";
            String path = "/resource" + route / 2 + "/{id}";
            for (String status : statuses) {
                requests.labels(method, path, status).inc();
            }
            duration.labels(method, path).observe(0.01);
            requestSize.labels(method, path).observe(100);
            responseSize.labels(method, path).observe(1000);
            rendered += 42;
        }
    }

    /** The same lines as the {@code http} shape, recorded through the bundle's HTTP recorder by many threads. */
    private static void fillBundleHttp(CollectorRegistry registry, int lines) {
        HttpMetrics http = new HttpMetrics(registry, new CardinalityGuard(registry, Integer.MAX_VALUE),
                Buckets.HTTP_DURATION_SECONDS, Buckets.HTTP_SIZE_BYTES);
        int routes = (lines + 41) / 42;
        String[] statuses = {"200", "404", "500"};
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < WRITER_THREADS; t++) {
            Thread writer = new Thread(() -> {
                for (int route = 0; route < routes; route++) {
                    String method = route % 2 == 0 ? "GET" : "POST";
                    String path = "/resource" + route / 2 + "/{id}";
                    for (String status : statuses) {
                        Fixtures.request(http, method, path, status, 100);
                    }
                }
            });
            writers.add(writer);
            writer.start();
        }
        for (Thread writer : writers) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Benchmark
    public long baselineSimpleclientTextFormat() throws IOException {
        TextFormat.writeFormat(contentType, sink, registry.metricFamilySamples());
        sink.flush();
        return sink.chars;
    }

    @Benchmark
    public long bundleServlet() throws IOException, ServletException {
        return scrapes.scrape();
    }

    /** The response writer: counts what it is given, keeps nothing. */
    static final class CountingWriter extends Writer {
        long chars;

        @Override
        public void write(char[] buffer, int offset, int length) {
            chars += length;
        }

        @Override
        public void write(String text, int offset, int length) {
            chars += length;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
