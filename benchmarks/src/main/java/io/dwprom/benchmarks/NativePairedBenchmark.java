package io.dwprom.benchmarks;

import io.dwprom.internal.core.StripedHistogram;
import io.dwprom.internal.http.HttpMetrics;
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

import java.util.concurrent.TimeUnit;

/**
 * What native buckets add to a recording, paired in one JVM as {@link ExemplarPairedBenchmark} pairs exemplars off
 * and on: per operation, a batch of {@value #BATCH} recordings without native buckets ({@code off}) and as many
 * with them ({@code dwprom}), alternated, each batch timed in the thread's CPU time ({@link PairedNanos#measure}).
 * {@code recorder}: {@code observation}, one duration into a striped histogram series, cycling through the
 * log-normal latencies of {@link NativeObservationBenchmark}; {@code request}, one request's five HTTP families.
 * {@code benchmarks/scripts/paired_summary.py} reads the counters. Run with {@code -t 1}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(3)
public class NativePairedBenchmark {

    private static final int BATCH = 2_000;

    @Param({"observation", "request"})
    public String recorder;

    private Runnable off;
    private Runnable dwprom;
    private int next;

    @Setup
    public void setUp() {
        off = recording(false);
        dwprom = recording(true);
    }

    private Runnable recording(boolean nativeBuckets) {
        if (recorder.equals("request")) {
            HttpMetrics http = NativeObservationBenchmark.httpRecorder(nativeBuckets);
            return () -> http.start().finish("GET", "/experiments/{id}", "200");
        }
        StripedHistogram.Series series = NativeObservationBenchmark.durationSeries(nativeBuckets);
        return () -> {
            next = (next + 1) & (NativeObservationBenchmark.LATENCIES - 1);
            series.observe(NativeObservationBenchmark.LATENCY_NANOS[next]);
        };
    }

    @Benchmark
    public void recordPair(PairedNanos nanos) {
        nanos.measure(off, dwprom, BATCH);
    }
}
