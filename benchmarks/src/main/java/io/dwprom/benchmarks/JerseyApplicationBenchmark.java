package io.dwprom.benchmarks;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Goal 1, the whole request in memory, one variant of {@link ServedApplication} per fork ({@code off},
 * {@code dwprom}, {@code micrometer}, {@code timed}): {@code GET /} and {@code GET /experiments/{id}} through
 * Jetty's servlet context, its filter chain and Jersey. Times include the caller's hand-off to Jetty's pool thread;
 * with {@code -prof gc} the allocation per request of each variant. Run with several forks ({@code -f 3}): two JVMs
 * differ by their JIT decisions. {@link JerseyPairedBenchmark} compares the variants within one JVM.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class JerseyApplicationBenchmark {

    @Param({"off", "dwprom", "micrometer", "timed"})
    public String variant;

    private ServedApplication application;

    @Setup
    public void setUp() {
        application = ServedApplication.start(variant);
    }

    @TearDown
    public void tearDown() throws Exception {
        application.close();
    }

    @Benchmark
    public int getRoot() {
        return application.serve(ServedApplication.ROOT);
    }

    @Benchmark
    public int getExperiment() {
        return application.serve(ServedApplication.EXPERIMENT);
    }
}
