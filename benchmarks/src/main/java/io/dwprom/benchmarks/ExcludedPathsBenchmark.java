package io.dwprom.benchmarks;

import io.dwprom.internal.http.ExcludedPaths;
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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The per-request check of {@code prometheus.excludedPaths}: a request path that no entry excludes (every entry
 * is looked at, if any is) and one that an entry excludes, with 2 entries (the default's size) and with 100,000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExcludedPathsBenchmark {

    @Param({"2", "100000"})
    public int entries;

    private ExcludedPaths excludedPaths;

    @Setup
    public void setUp() {
        List<String> paths = new ArrayList<>(List.of("/health", "/metrics"));
        for (int i = paths.size(); i < entries; i++) {
            paths.add("/internal/tenant-" + i);
        }
        excludedPaths = new ExcludedPaths(paths);
    }

    @Benchmark
    public boolean recordedPath() {
        return excludedPaths.excludes("/app/experiments/42/runs", 4);
    }

    @Benchmark
    public boolean excludedPath() {
        return excludedPaths.excludes("/app/health/db", 4);
    }
}
