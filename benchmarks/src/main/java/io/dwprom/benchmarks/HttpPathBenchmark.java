package io.dwprom.benchmarks;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.jersey3.InstrumentedResourceMethodApplicationListener;
import io.dwprom.bundle.PrometheusMetrics;
import io.dwprom.http.BodySizeInterceptor;
import io.dwprom.http.ExcludedPaths;
import io.dwprom.http.JerseyRequestListener;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Goal 1, the steady figure: what the bundle adds to one request, through its real Jersey adapters
 * ({@link JerseyRequestListener}, {@link BodySizeInterceptor}) fed by a {@link SyntheticRequest}: start, eight
 * request events, route label resolution, the counting output stream, and the recording of the five HTTP families.
 *
 * <ul>
 * <li>{@code baseline}: the same request with no listener, only the body write (what {@code enabled: false} does);
 * <li>{@code dwprom}: the bundle's listener and interceptor;
 * <li>{@code dropwizardTimed}: for comparison, Dropwizard's own {@code InstrumentedResourceMethodApplicationListener}
 * with the route annotated {@code @Timed} (a Codahale timer per request), without the bundle.
 * </ul>
 * The instrumentation cost is {@code dwprom - baseline}. Run with {@code -t 1} and {@code -t 2}; with two threads
 * both hit the same series.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HttpPathBenchmark {

    private JerseyRequestListener listener;
    private BodySizeInterceptor interceptor;
    private InstrumentedResourceMethodApplicationListener dropwizard;

    @State(Scope.Thread)
    public static class PerThread {
        SyntheticRequest request = new SyntheticRequest(120);
    }

    @Setup
    public void setUp() {
        PrometheusMetrics metrics = Fixtures.bundle();
        listener = new JerseyRequestListener(metrics.http(), new ExcludedPaths(List.of("/health", "/metrics")),
                metrics.recordingErrors());
        interceptor = new BodySizeInterceptor();
        dropwizard = new InstrumentedResourceMethodApplicationListener(new MetricRegistry());
        dropwizard.onEvent(SyntheticRequest.initialised());
    }

    @Benchmark
    public long baseline(PerThread thread) throws IOException {
        thread.request.writeBody(null);
        return thread.request.discard.written;
    }

    @Benchmark
    public long dwprom(PerThread thread) throws IOException {
        thread.request.serve(listener, interceptor);
        return thread.request.discard.written;
    }

    @Benchmark
    public long dropwizardTimed(PerThread thread) throws IOException {
        thread.request.serve(dropwizard, null);
        return thread.request.discard.written;
    }
}
