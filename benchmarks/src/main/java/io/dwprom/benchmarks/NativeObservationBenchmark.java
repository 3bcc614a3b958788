package io.dwprom.benchmarks;

import io.dwprom.internal.Recorders;
import io.dwprom.internal.core.Buckets;
import io.dwprom.internal.core.CardinalityGuard;
import io.dwprom.internal.core.NativeHistograms;
import io.dwprom.internal.core.StripedHistogram;
import io.dwprom.internal.http.HttpMetrics;
import io.prometheus.client.CollectorRegistry;
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

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What native buckets add to a recording, {@code nativeBuckets} off against on in one run:
 * {@code observation}, one duration into a series of the striped histogram that {@code db_query_duration_seconds}
 * is (the cells of {@code http_request_duration_seconds} too), cycling through {@value #LATENCIES} log-normal
 * latencies (median 5 ms) so that the bucket index varies as in a service; {@code request}, one request's five
 * HTTP families ({@code start} and {@code finish}, as {@link HttpRecorderBenchmark} measures them). With several
 * threads, all write the same series, each into its own stripe.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class NativeObservationBenchmark {

    static final int LATENCIES = 1 << 10;
    static final long[] LATENCY_NANOS = Fixtures.latencies(LATENCIES);

    @Param({"off", "on"})
    public String nativeBuckets;

    private StripedHistogram.Series series;
    private HttpMetrics http;

    /** Each thread's place in the latencies. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        long nextLatency() {
            next = (next + 1) & (LATENCIES - 1);
            return LATENCY_NANOS[next];
        }
    }

    @Setup
    public void setUp() {
        boolean on = nativeBuckets.equals("on");
        series = durationSeries(on);
        http = httpRecorder(on);
    }

    /** A series of a striped duration histogram, with native buckets or without. */
    static StripedHistogram.Series durationSeries(boolean nativeBuckets) {
        CollectorRegistry registry = new CollectorRegistry();
        NativeHistograms natives = nativeBuckets ? NativeHistograms.enabled(Fixtures.defaultNativeSettings())
                : NativeHistograms.disabled();
        return new StripedHistogram(registry, new CardinalityGuard(registry, 10), "db_query_duration_seconds", "h",
                List.of("query_type", "table"), Buckets.toArray(Buckets.DB_QUERY_SECONDS), 1e9, null, natives)
                .labels("select", "experiments");
    }

    /** The bundle's HTTP recorder, with native histograms or without. */
    static HttpMetrics httpRecorder(boolean nativeBuckets) {
        Recorders bundle = nativeBuckets ? Fixtures.bundleWithNativeHistograms() : Fixtures.bundle();
        return bundle.http();
    }

    @Benchmark
    public void observation(Cursor cursor) {
        series.observe(cursor.nextLatency());
    }

    @Benchmark
    public boolean request() {
        return http.start().finish("GET", "/experiments/{id}", "200");
    }
}
