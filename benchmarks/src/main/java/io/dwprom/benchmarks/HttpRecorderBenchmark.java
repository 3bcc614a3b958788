package io.dwprom.benchmarks;

import io.dwprom.internal.core.Buckets;
import io.dwprom.internal.http.HttpMetrics;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import io.prometheus.client.Histogram;
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

import java.util.concurrent.TimeUnit;

/**
 * The HTTP recorder alone, without Jersey: {@code HttpMetrics.start()} then {@code InFlightRequest.finish(...)},
 * against the same five updates written by hand on simpleclient ({@code baselineSimpleclient}). Labels are the
 * strings the listener passes (a cached route, a standard method, a status from the status table).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HttpRecorderBenchmark {

    private static final String METHOD = "GET";
    private static final String PATH = "/experiments/{id}";
    private static final String STATUS = "200";

    private HttpMetrics bundle;
    private Gauge inFlight;
    private Counter requests;
    private Histogram duration;
    private Histogram requestSize;
    private Histogram responseSize;

    @Setup
    public void setUp() {
        bundle = Fixtures.bundle().http();
        CollectorRegistry registry = new CollectorRegistry();
        inFlight = Gauge.build("in_flight", "h").register(registry);
        requests = Counter.build("requests_total", "h").labelNames("method", "path", "status").register(registry);
        duration = Histogram.build("duration_seconds", "h").labelNames("method", "path")
                .buckets(Buckets.toArray(Buckets.HTTP_DURATION_SECONDS)).register(registry);
        requestSize = Histogram.build("request_bytes", "h").labelNames("method", "path")
                .buckets(Buckets.toArray(Buckets.HTTP_SIZE_BYTES)).register(registry);
        responseSize = Histogram.build("response_bytes", "h").labelNames("method", "path")
                .buckets(Buckets.toArray(Buckets.HTTP_SIZE_BYTES)).register(registry);
    }

    @Benchmark
    public void baselineSimpleclient() {
        inFlight.inc();
        long start = System.nanoTime();
        inFlight.dec();
        requests.labels(METHOD, PATH, STATUS).inc();
        duration.labels(METHOD, PATH).observe((System.nanoTime() - start) / 1e9);
        requestSize.labels(METHOD, PATH).observe(0);
        responseSize.labels(METHOD, PATH).observe(120);
    }

    @Benchmark
    public boolean bundle() {
        return bundle.start().finish(METHOD, PATH, STATUS);
    }
}
