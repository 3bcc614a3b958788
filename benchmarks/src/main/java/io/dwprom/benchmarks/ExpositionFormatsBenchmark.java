package io.dwprom.benchmarks;

import io.dwprom.internal.Recorders;
import io.dwprom.internal.exposition.EndpointAccess;
import io.dwprom.internal.exposition.PrometheusServlet;
import io.dwprom.internal.http.BenchRequests;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One scrape of the bundle with native histograms enabled, through its real {@link PrometheusServlet}, in each
 * format a scraper can ask for: {@code text} (0.0.4, no Accept header), {@code openmetrics} and {@code protobuf}
 * (the Accept header of Prometheus 2.42 started with {@code --enable-feature=native-histograms}). The registry is
 * what {@code Recorders.create} registers (process and JVM families, the bridge, the HTTP and database families)
 * plus HTTP routes and database tables until the text scrape has {@code series} sample lines: every route and
 * table recorded {@value #OBSERVATIONS} times from {@value #WRITER_THREADS} threads, with log-normal latencies
 * (median 5 ms), so that the duration histograms hold some 50 native buckets each and every stripe is written.
 * Setup prints the bytes of one scrape in each format; the response's writer and stream count and discard.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class ExpositionFormatsBenchmark {

    static final String PROMETHEUS_NATIVE_ACCEPT = "application/vnd.google.protobuf;"
            + "proto=io.prometheus.client.MetricFamily;encoding=delimited,application/openmetrics-text;"
            + "version=1.0.0;q=0.8,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,"
            + "*/*;q=0.1";
    private static final String OPENMETRICS_ACCEPT = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    private static final int OBSERVATIONS = 400;
    private static final int WRITER_THREADS = 8;
    private static final int TABLES = 25;
    private static final String[] QUERY_TYPES = {"select", "insert", "update", "delete"};
    private static final String[] STATUSES = {"200", "404", "500"};

    @Param({"10000"})
    public int series;

    @Param({"text", "openmetrics", "protobuf"})
    public String format;

    private PrometheusServlet servlet;
    private HttpServletRequest request;
    private HttpServletResponse response;
    private final Counting sink = new Counting();
    private String contentType;

    @Setup
    public void setUp() throws Exception {
        Recorders bundle = Fixtures.bundleWithNativeHistograms();
        long lines = fill(bundle, series);
        servlet = new PrometheusServlet(bundle.registry(), bundle.scrapeBarrier(), EndpointAccess.open(), true,
                bundle.nativeHistograms());
        String accept = switch (format) {
            case "text" -> null;
            case "openmetrics" -> OPENMETRICS_ACCEPT;
            case "protobuf" -> PROMETHEUS_NATIVE_ACCEPT;
            default -> throw new IllegalArgumentException("unknown format " + format);
        };
        request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getMethod" -> "GET";
                    case "getHeader" -> "Accept".equalsIgnoreCase((String) args[0]) ? accept : null;
                    case "getDateHeader" -> -1L;
                    case "getProtocol" -> "HTTP/1.1";
                    case "getRequestURI" -> "/prometheus";
                    default -> null;
                });
        response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getWriter" -> new PrintWriter(sink.writer);
                    case "getOutputStream" -> sink.stream;
                    case "setContentType" -> {
                        contentType = (String) args[0];
                        yield null;
                    }
                    case "isCommitted" -> false;
                    default -> null;
                });
        long before = sink.bytes();
        scrape();
        System.out.printf("%n[setup] %d sample lines in text 0.0.4; format=%s: %s, %d bytes a scrape%n", lines,
                format, contentType, sink.bytes() - before);
        boolean protobufServed = contentType != null && contentType.startsWith("application/vnd.google.protobuf");
        if (protobufServed != format.equals("protobuf")) {
            throw new IllegalStateException("asked for " + format + ", served " + contentType);
        }
    }

    /** Records routes and tables into {@code bundle} until its text scrape has {@code lines} sample lines. */
    private static long fill(Recorders bundle, int lines) throws InterruptedException, IOException {
        long[] latencies = Fixtures.latencies(OBSERVATIONS * WRITER_THREADS);
        record(latencies, (i, latency) -> bundle.database().recordQueryNanos(QUERY_TYPES[i % QUERY_TYPES.length],
                "table" + i / QUERY_TYPES.length, latency), TABLES * QUERY_TYPES.length);
        long rendered = lines(bundle.registry());
        record(latencies, (i, latency) -> BenchRequests.record(bundle.http(), "GET", "/route" + i + "/{id}",
                STATUSES[i % STATUSES.length], latency), 1);
        long perRoute = lines(bundle.registry()) - rendered;
        int routes = (int) Math.max(0, (lines - rendered + perRoute - 1) / perRoute);
        record(latencies, (i, latency) -> BenchRequests.record(bundle.http(), "GET", "/route" + i + "/{id}",
                STATUSES[i % STATUSES.length], latency), routes);
        return lines(bundle.registry());
    }

    private interface Recording {
        void record(int series, long latency);
    }

    /** Records series 0 to {@code count - 1}, each {@value #OBSERVATIONS} times from every writer thread. */
    private static void record(long[] latencies, Recording recording, int count) throws InterruptedException {
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < WRITER_THREADS; t++) {
            int first = t * OBSERVATIONS;
            Thread writer = new Thread(() -> {
                for (int i = 0; i < count; i++) {
                    for (int o = 0; o < OBSERVATIONS; o++) {
                        recording.record(i, latencies[first + o]);
                    }
                }
            });
            writers.add(writer);
            writer.start();
        }
        for (Thread writer : writers) {
            writer.join();
        }
    }

    private static long lines(CollectorRegistry registry) throws IOException {
        StringWriter text = new StringWriter();
        TextFormat.write004(text, registry.metricFamilySamples());
        return text.toString().lines().filter(line -> !line.startsWith("#")).count();
    }

    @Benchmark
    public long scrape() throws IOException, ServletException {
        servlet.service(request, response);
        return sink.bytes();
    }

    /** The response's writer and stream: count what they are given (the text is ASCII: a char is a byte). */
    static final class Counting {
        long bytes;

        final ScrapeBenchmark.CountingWriter writer = new ScrapeBenchmark.CountingWriter();
        final ServletOutputStream stream = new ServletOutputStream() {
            @Override
            public void write(int b) {
                bytes++;
            }

            @Override
            public void write(byte[] buffer, int offset, int length) {
                bytes += length;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }
        };

        long bytes() {
            return writer.chars + bytes;
        }
    }
}
