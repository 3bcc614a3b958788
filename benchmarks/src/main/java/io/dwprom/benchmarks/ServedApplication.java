package io.dwprom.benchmarks;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.annotation.Timed;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.DropwizardResourceConfig;
import io.dropwizard.jersey.jackson.JacksonFeature;
import io.dwprom.internal.Recorders;
import io.dwprom.internal.http.ExcludedPaths;
import io.dwprom.internal.http.HttpMetrics;
import io.dwprom.internal.http.HttpMetricsFilter;
import io.dwprom.internal.http.JerseyRouteListener;
import io.dwprom.internal.http.ServletMarker;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.micrometer.server.DefaultJerseyTagsProvider;
import org.glassfish.jersey.micrometer.server.MetricsApplicationEventListener;
import org.glassfish.jersey.servlet.ServletContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * A real Dropwizard Jersey application ({@link DropwizardResourceConfig} with Dropwizard's Jackson feature, as
 * {@code JerseyEnvironment} builds it) behind Jersey's {@link ServletContainer} in a Jetty servlet context, served
 * in memory through a {@link LocalConnector}: Jetty's HTTP parsing and generation, the servlet filter chain,
 * routing, resource invocation and Jackson serialisation; everything but the socket. Variants:
 * <ul>
 * <li>{@code off}: the application as {@code prometheus.enabled: false} leaves it;
 * <li>{@code dwprom}: plus the bundle's {@link HttpMetricsFilter} (mapped {@code /*} for {@code REQUEST}),
 * {@link ServletMarker} and {@link JerseyRouteListener}, as the bundle registers them;
 * <li>{@code native}: the same with {@code nativeHistograms.enabled: true} (native buckets beside the classic ones
 * of {@code http_request_duration_seconds});
 * <li>{@code micrometer}: no bundle; Jersey's own Micrometer listener ({@code jersey-micrometer}) timing every
 * request into a {@link PrometheusMeterRegistry};
 * <li>{@code timed}: no bundle; the resource methods annotated {@code @Timed} (Dropwizard's own).
 * </ul>
 * Jetty serves each request on a thread of its pool, so the caller's clock would also count two thread hand-offs;
 * a handler around the servlet context measures instead the CPU time and the bytes allocated by the thread that
 * handles each request, from the context's entry to its return (filters, servlet, Jersey, the response written to
 * Jetty's buffers): {@link #measure} returns them once that handler has returned.
 */
final class ServedApplication implements AutoCloseable {

    static final String ROOT = request("/");
    static final String EXPERIMENT = request("/experiments/42");

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Server server;
    /** Each calling thread's kept-alive connection, as a load generator's connections are. */
    private final ThreadLocal<LocalConnector.LocalEndPoint> connections;
    private final Measured measured;

    private ServedApplication(Server server, LocalConnector connector, Measured measured) {
        this.server = server;
        this.connections = ThreadLocal.withInitial(connector::connect);
        this.measured = measured;
    }

    /** The started application of one variant, checked to answer both routes and to record as it says. */
    static ServedApplication start(String variant) {
        // Without a configuration, logback logs everything at DEBUG: Jetty's debug lines would cost more than a request.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        MetricRegistry dropwizardMetrics = new MetricRegistry();
        DropwizardResourceConfig config = new DropwizardResourceConfig(dropwizardMetrics);
        config.register(new JacksonFeature(Jackson.newObjectMapper()));
        config.register(variant.equals("timed") ? new TimedResource() : new PlainResource());
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        Runnable check = () -> { };
        switch (variant) {
            case "off", "timed" -> { }
            case "dwprom", "native" -> {
                Recorders metrics = variant.equals("native") ? Fixtures.bundleWithNativeHistograms() : Fixtures.bundle();
                context.addFilter(new FilterHolder(new HttpMetricsFilter(metrics.http(),
                                new ExcludedPaths(List.of("/health")), metrics.recordingErrors())),
                        "/*", EnumSet.of(DispatcherType.REQUEST));
                context.addBean(new ServletMarker(metrics.recordingErrors()));
                config.register(new JerseyRouteListener(metrics.http(), metrics.recordingErrors()));
                Runnable recorded = () -> require(() -> metrics.registry().getSampleValue(HttpMetrics.REQUESTS,
                        new String[]{"method", "path", "status"}, new String[]{"GET", "/experiments/{id}", "200"}),
                        "the bundle did not record GET /experiments/{id}");
                check = !variant.equals("native") ? recorded : () -> {
                    recorded.run();
                    require(() -> metrics.http().nativeSeries().stream()
                            .filter(series -> series.buckets() != null && series.buckets().total() > 0)
                            .findAny().orElse(null), "the bundle kept no native buckets");
                };
            }
            case "micrometer" -> {
                PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
                config.register(new MetricsApplicationEventListener(registry, new DefaultJerseyTagsProvider(),
                        "http.server.requests", true));
                check = () -> require(() -> registry.find("http.server.requests").tag("uri", "/experiments/{id}").timer(),
                        "Micrometer did not time GET /experiments/{id}");
            }
            default -> throw new IllegalArgumentException("unknown variant " + variant);
        }
        context.addServlet(new ServletHolder("jersey", new ServletContainer(config)), "/*");
        Server server = new Server(new QueuedThreadPool(8, 2));
        LocalConnector connector = new LocalConnector(server);
        server.addConnector(connector);
        Measured measured = new Measured(context);
        server.setHandler(measured);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the " + variant + " application", e);
        }
        ServedApplication application = new ServedApplication(server, connector, measured);
        application.checkServes(variant, dropwizardMetrics);
        check.run();
        return application;
    }

    /** Serves one request (a whole HTTP/1.1 request text) on the thread's connection; returns the whole response. */
    String exchange(String request) {
        LocalConnector.LocalEndPoint connection = connections.get();
        connection.addInputAndExecute(BufferUtil.toBuffer(request));
        try {
            return connection.getResponse();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@link #exchange}, returning the length of the response. */
    int serve(String request) {
        return exchange(request).length();
    }

    /**
     * Serves one request and returns its CPU time in the servlet context, in nanoseconds, and its allocation there,
     * in bytes, into {@code into[0]} and {@code into[1]}. The client can hold the response before the handling
     * thread leaves the handler, so this waits for that. One caller at a time.
     */
    void measure(String request, long[] into) {
        long before = measured.handled;
        serve(request);
        while (measured.handled == before) {
            Thread.yield(); // on a busy 2-core machine, spinning would take the core the handling thread needs
        }
        into[0] = measured.lastCpuNanos;
        into[1] = measured.lastAllocatedBytes;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private static String request(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n\r\n";
    }

    private void checkServes(String variant, MetricRegistry dropwizardMetrics) {
        for (String request : List.of(ROOT, EXPERIMENT)) {
            String response = exchange(request);
            if (response == null || !response.startsWith("HTTP/1.1 200 ") || !response.endsWith("}")) {
                throw new IllegalStateException(request.lines().findFirst().orElseThrow() + " answered " + response);
            }
        }
        for (String method : List.of("greet", "experiment")) {
            long timed = dropwizardMetrics.timer(MetricRegistry.name(TimedResource.class, method)).getCount();
            if (timed != (variant.equals("timed") ? 1 : 0)) {
                throw new IllegalStateException("@Timed timed " + method + " " + timed + " times");
            }
        }
    }

    /** Waits a little for {@code found}: a request is recorded once its handler returns, after its response. */
    private static void require(Supplier<Object> found, String otherwise) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (found.get() == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(otherwise);
            }
            Thread.onSpinWait();
        }
    }

    /** Keeps the last request's CPU time and allocation in the wrapped handler; one request at a time. */
    private static final class Measured extends Handler.Wrapper {

        long lastCpuNanos;
        long lastAllocatedBytes;
        /** Requests that have left the handler; written last, so a reader that sees it sees the figures. */
        volatile long handled;

        Measured(Handler handler) {
            super(handler);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            long bytes = THREADS.getCurrentThreadAllocatedBytes();
            long cpu = THREADS.getCurrentThreadCpuTime();
            try {
                return super.handle(request, response, callback);
            } finally {
                long cpuAfter = THREADS.getCurrentThreadCpuTime();
                long bytesAfter = THREADS.getCurrentThreadAllocatedBytes();
                lastCpuNanos = cpuAfter - cpu;
                lastAllocatedBytes = bytesAfter - bytes;
                handled++;
            }
        }
    }

    /** The demo's greeting and a small experiment, as JSON. */
    public record Greeting(String service, String version) {
    }

    public record Experiment(long id, String name, String description, String status) {
    }

    @Path("/")
    @Produces(MediaType.APPLICATION_JSON)
    public static class PlainResource {
        private final Greeting greeting = new Greeting("llm-research-api", "0.1.0");

        @GET
        public Greeting greet() {
            return greeting;
        }

        @GET
        @Path("experiments/{id}")
        public Experiment experiment(@PathParam("id") long id) {
            return new Experiment(id, "bench", "an experiment", "ACTIVE");
        }
    }

    @Path("/")
    @Produces(MediaType.APPLICATION_JSON)
    public static class TimedResource {
        private final Greeting greeting = new Greeting("llm-research-api", "0.1.0");

        @GET
        @Timed
        public Greeting greet() {
            return greeting;
        }

        @GET
        @Timed
        @Path("experiments/{id}")
        public Experiment experiment(@PathParam("id") long id) {
            return new Experiment(id, "bench", "an experiment", "ACTIVE");
        }
    }
}
