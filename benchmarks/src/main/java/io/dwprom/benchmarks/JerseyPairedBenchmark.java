package io.dwprom.benchmarks;

import io.dwprom.benchmarks.JerseyApplicationBenchmark.DiscardingWriter;
import org.glassfish.jersey.server.ApplicationHandler;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * Goal 1 in memory on a machine whose speed drifts: the bundle-off and bundle-on applications of
 * {@link JerseyApplicationBenchmark} in one JVM, one request to each per operation, in alternating order, each timed
 * on its own. Forks minutes apart (that benchmark's {@code variant} parameter) see machine speeds 10-30 % apart on
 * these 2-core machines, which swamps a difference of a few hundred nanoseconds; two requests microseconds apart see
 * the same machine. {@code benchmarks/scripts/paired_summary.py} turns the counters of a JSON result into the
 * median ratio and difference per request with bootstrap intervals.
 *
 * <p>What it cannot show: the two applications share one JIT profile, so a few of Jersey's call sites that see only
 * Jersey's own stream or listener classes in a bundle-off JVM see the bundle's too (two receiver types instead of
 * one). That can only slow the bundle-off side, by a type check at those sites, and so shrink the difference
 * slightly; the forked {@link JerseyApplicationBenchmark} has no such bias.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(3)
public class JerseyPairedBenchmark {

    @Param({"root", "experiment"})
    public String route;

    private final DiscardingWriter writer = new DiscardingWriter();
    private ApplicationHandler off;
    private ApplicationHandler dwprom;
    private URI uri;
    private boolean bundleFirst;

    /** Time spent in each application over one iteration, and the number of request pairs it served. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Nanos {
        public long offNanos;
        public long dwpromNanos;
        public long requestPairs;

        @Setup(Level.Iteration)
        public void reset() {
            offNanos = 0;
            dwpromNanos = 0;
            requestPairs = 0;
        }
    }

    @Setup
    public void setUp() {
        off = JerseyApplicationBenchmark.application("off");
        dwprom = JerseyApplicationBenchmark.application("dwprom");
        uri = route.equals("root") ? JerseyApplicationBenchmark.ROOT : JerseyApplicationBenchmark.EXPERIMENT;
    }

    @Benchmark
    public long servePair(Nanos nanos) {
        bundleFirst = !bundleFirst;
        if (bundleFirst) {
            nanos.dwpromNanos += timed(dwprom);
            nanos.offNanos += timed(off);
        } else {
            nanos.offNanos += timed(off);
            nanos.dwpromNanos += timed(dwprom);
        }
        nanos.requestPairs++;
        return writer.bytes;
    }

    private long timed(ApplicationHandler application) {
        long start = System.nanoTime();
        JerseyApplicationBenchmark.serve(application, uri, writer);
        return System.nanoTime() - start;
    }
}
