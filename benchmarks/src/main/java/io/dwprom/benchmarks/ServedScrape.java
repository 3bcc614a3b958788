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

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * Scrapes of the bundle's real {@link PrometheusServlet} in one format: {@code text} (0.0.4, no Accept header),
 * {@code openmetrics} or {@code protobuf} (the Accept header of Prometheus 2.42 started with
 * {@code --enable-feature=native-histograms}). The request and response are minimal proxies; the response's writer
 * and stream count what they are given and keep nothing. Several may share one servlet. {@link #nativeBundle} builds the registry they scrape.
 */
final class ServedScrape {

    static final String PROMETHEUS_NATIVE_ACCEPT = "application/vnd.google.protobuf;"
            + "proto=io.prometheus.client.MetricFamily;encoding=delimited,application/openmetrics-text;"
            + "version=1.0.0;q=0.8,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,"
            + "*/*;q=0.1";
    static final String OPENMETRICS_ACCEPT = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    /** Observations of each route and table from each writer thread. */
    static final int OBSERVATIONS = 400;
    private static final int WRITER_THREADS = 8;
    private static final int TABLES = 25;
    private static final String[] QUERY_TYPES = {"select", "insert", "update", "delete"};
    private static final String[] STATUSES = {"200", "404", "500"};

    private final PrometheusServlet servlet;
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final ScrapeBenchmark.CountingWriter writer = new ScrapeBenchmark.CountingWriter();
    private long streamed;
    private String contentType;

    /** Scrapes of {@code servlet} ({@link #servlet}) in {@code format}; one scrape is made and checked here. */
    ServedScrape(PrometheusServlet servlet, String format) throws IOException, ServletException {
        this.servlet = servlet;
        String accept = switch (format) {
            case "text" -> null;
            case "openmetrics" -> OPENMETRICS_ACCEPT;
            case "protobuf" -> PROMETHEUS_NATIVE_ACCEPT;
            default -> throw new IllegalArgumentException("unknown format " + format);
        };
        ServletOutputStream stream = new ServletOutputStream() {
            @Override
            public void write(int b) {
                streamed++;
            }

            @Override
            public void write(byte[] buffer, int offset, int length) {
                streamed += length;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }
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
                    case "getWriter" -> new PrintWriter(writer);
                    case "getOutputStream" -> stream;
                    case "setContentType" -> {
                        contentType = (String) args[0];
                        yield null;
                    }
                    case "isCommitted" -> false;
                    default -> null;
                });
        long before = bytes();
        scrape();
        boolean protobufServed = contentType != null && contentType.startsWith("application/vnd.google.protobuf");
        if (protobufServed != format.equals("protobuf")) {
            throw new IllegalStateException("asked for " + format + ", served " + contentType);
        }
        System.out.printf("%n[setup] format=%s: %s, %d bytes a scrape%n", format, contentType, bytes() - before);
    }

    /** The bundle's endpoint, as it serves {@code bundle}: open, with created series and its native histograms. */
    static PrometheusServlet servlet(Recorders bundle) {
        return new PrometheusServlet(bundle.registry(), bundle.scrapeBarrier(), EndpointAccess.open(), true,
                bundle.nativeHistograms());
    }

    /** One scrape; returns the bytes served so far (the text is ASCII: a char is a byte). */
    long scrape() throws IOException, ServletException {
        servlet.service(request, response);
        return bytes();
    }

    private long bytes() {
        return writer.chars + streamed;
    }

    /**
     * The bundle with native histograms, as {@code Recorders.create} registers it (process and JVM families, the
     * bridge, the HTTP and database families), plus HTTP routes and database tables until its text scrape has
     * {@code lines} sample lines: every route and table recorded {@value #OBSERVATIONS} times from
     * {@value #WRITER_THREADS} threads with log-normal latencies (median 5 ms), so that each duration series holds
     * some 50 native buckets and every stripe is written.
     */
    static Recorders nativeBundle(int lines) throws InterruptedException, IOException {
        Recorders bundle = Fixtures.bundleWithNativeHistograms();
        long[] latencies = Fixtures.latencies(OBSERVATIONS * WRITER_THREADS);
        record(latencies, (i, latency) -> bundle.database().recordQueryNanos(QUERY_TYPES[i % QUERY_TYPES.length],
                "table" + i / QUERY_TYPES.length, latency), TABLES * QUERY_TYPES.length);
        long rendered = lines(bundle.registry());
        Recording route = (i, latency) -> BenchRequests.record(bundle.http(), "GET", "/route" + i + "/{id}",
                STATUSES[i % STATUSES.length], latency);
        record(latencies, route, 1);
        long perRoute = lines(bundle.registry()) - rendered;
        record(latencies, route, (int) Math.max(0, (lines - rendered + perRoute - 1) / perRoute));
        System.out.printf("%n[setup] %d sample lines in text 0.0.4%n", lines(bundle.registry()));
        return bundle;
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
}
