package io.dwprom.benchmarks;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.annotation.Timed;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.DropwizardResourceConfig;
import io.dropwizard.jersey.jackson.JacksonFeature;
import io.dwprom.bundle.PrometheusMetrics;
import io.dwprom.http.ExcludedPaths;
import io.dwprom.http.HttpMetrics;
import io.dwprom.http.JerseyRequestListener;
import io.prometheus.client.CollectorRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.spi.ContainerResponseWriter;
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

import java.io.OutputStream;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Goal 1, the whole request through Jersey: a real Dropwizard Jersey application ({@link DropwizardResourceConfig}
 * with Dropwizard's Jackson feature and its own resource-method listener, as {@code JerseyEnvironment} builds it)
 * serves {@code GET /} and {@code GET /experiments/{id}} in memory, through {@link ApplicationHandler}: routing,
 * resource invocation, Jackson serialisation, the request events and the writer interceptor chain, everything but
 * Jetty and the socket. Nothing of the bundle is stubbed: its listener runs where Jersey calls it, and its
 * counting streams sit around Jersey's entity streams (synthetic events fed to the listener would miss what Jersey's
 * dispatch to it costs).
 *
 * <ul>
 * <li>{@code variant=off}: the application as {@code prometheus.enabled: false} leaves it;
 * <li>{@code variant=dwprom}: plus the bundle's {@link JerseyRequestListener}, registered as the bundle does;
 * <li>{@code variant=timed}: no bundle, the resource methods annotated {@code @Timed} instead (Dropwizard's own).
 * </ul>
 * The bundle's share of the route's Jersey time is {@code (dwprom - off) / off}; Jetty and the kernel add tens of
 * microseconds more to a real request (see BENCHMARKS.md), so this share is an upper bound. Run with several
 * forks ({@code -f 3}): two JVMs differ by their JIT decisions.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class JerseyApplicationBenchmark {

    private static final URI BASE = URI.create("http://127.0.0.1:8080/");
    static final URI ROOT = URI.create("http://127.0.0.1:8080/");
    static final URI EXPERIMENT = URI.create("http://127.0.0.1:8080/experiments/42");

    /** What Jetty's servlet container passes for a plain HTTP request without authentication. */
    private static final SecurityContext ANONYMOUS = new SecurityContext() {
        @Override
        public Principal getUserPrincipal() {
            return null;
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }

        @Override
        public boolean isSecure() {
            return false;
        }

        @Override
        public String getAuthenticationScheme() {
            return null;
        }
    };

    @Param({"off", "dwprom", "timed"})
    public String variant;

    private ApplicationHandler application;

    @State(Scope.Thread)
    public static class PerThread {
        final DiscardingWriter writer = new DiscardingWriter();
    }

    @Setup
    public void setUp() {
        application = application(variant);
    }

    @Benchmark
    public long getRoot(PerThread thread) {
        return serve(application, ROOT, thread.writer);
    }

    @Benchmark
    public long getExperiment(PerThread thread) {
        return serve(application, EXPERIMENT, thread.writer);
    }

    /**
     * The application of one variant ({@code off}, {@code dwprom} or {@code timed}), checked to answer both routes
     * and to be instrumented as the variant says.
     */
    static ApplicationHandler application(String variant) {
        MetricRegistry dropwizardMetrics = new MetricRegistry();
        DropwizardResourceConfig config = new DropwizardResourceConfig(dropwizardMetrics);
        config.register(new JacksonFeature(Jackson.newObjectMapper()));
        config.register(variant.equals("timed") ? new TimedResource() : new PlainResource());
        CollectorRegistry registry = null;
        if (variant.equals("dwprom")) {
            PrometheusMetrics metrics = Fixtures.bundle();
            registry = metrics.registry();
            config.register(new JerseyRequestListener(metrics.http(), new ExcludedPaths(List.of("/health")),
                    metrics.recordingErrors()));
        }
        ApplicationHandler application = new ApplicationHandler(config);
        checkServes(application, variant, registry, dropwizardMetrics);
        return application;
    }

    static long serve(ApplicationHandler application, URI uri, DiscardingWriter writer) {
        ContainerRequest request = new ContainerRequest(BASE, uri, "GET", ANONYMOUS, new MapPropertiesDelegate(), null);
        request.header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
        request.setWriter(writer);
        application.handle(request);
        return writer.bytes;
    }

    /** Fails the run unless both routes answer 200 with a body and the variant's instrumentation recorded them. */
    private static void checkServes(ApplicationHandler application, String variant, CollectorRegistry registry,
                                    MetricRegistry dropwizardMetrics) {
        DiscardingWriter writer = new DiscardingWriter();
        for (URI uri : List.of(ROOT, EXPERIMENT)) {
            long before = writer.bytes;
            serve(application, uri, writer);
            if (writer.status != 200 || writer.bytes == before) {
                throw new IllegalStateException(uri + " answered " + writer.status + " with "
                        + (writer.bytes - before) + " bytes");
            }
        }
        if (registry != null && registry.getSampleValue(HttpMetrics.REQUESTS, new String[]{"method", "path", "status"},
                new String[]{"GET", "/experiments/{id}", "200"}) == null) {
            throw new IllegalStateException("the bundle did not record GET /experiments/{id}");
        }
        for (String method : List.of("greet", "experiment")) {
            long timed = dropwizardMetrics.timer(MetricRegistry.name(TimedResource.class, method)).getCount();
            if (timed != (variant.equals("timed") ? 1 : 0)) {
                throw new IllegalStateException("@Timed timed " + method + " " + timed + " times");
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

    /** A response writer that keeps the status and counts the body bytes, as Jetty's would send them. */
    static final class DiscardingWriter implements ContainerResponseWriter {
        int status;
        long bytes;
        private final OutputStream sink = new OutputStream() {
            @Override
            public void write(int b) {
                bytes++;
            }

            @Override
            public void write(byte[] buffer, int offset, int length) {
                bytes += length;
            }
        };

        @Override
        public OutputStream writeResponseStatusAndHeaders(long contentLength, ContainerResponse response) {
            status = response.getStatus();
            return sink;
        }

        @Override
        public boolean suspend(long timeOut, TimeUnit timeUnit, TimeoutHandler timeoutHandler) {
            return false;
        }

        @Override
        public void setSuspendTimeout(long timeOut, TimeUnit timeUnit) {
            throw new UnsupportedOperationException("synchronous requests only");
        }

        @Override
        public void commit() {
            // nothing is buffered here
        }

        @Override
        public void failure(Throwable error) {
            throw new IllegalStateException("request failed", error);
        }

        @Override
        public boolean enableResponseBuffering() {
            return true;
        }
    }
}
