package io.dwprom.benchmarks;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Goal 1 in memory on a machine whose speed drifts: the {@code off}, {@code dwprom}, {@code micrometer} and
 * {@code timed} applications of {@link ServedApplication} in one JVM, one request to each per operation (a round), in
 * rotating order, each request's CPU time and allocation measured on the thread that handled it. Forks minutes apart see
 * machine speeds 10-30 % apart on these 2-core machines, which swamps a difference of a few hundred nanoseconds;
 * three requests microseconds apart see the same machine. Every measured round is written to
 * {@code <dir>/paired-<route>-<pid>.csv} (one file per fork; {@code dir} is the system property
 * {@code paired.rounds}, default {@code paired-rounds}); {@code benchmarks/scripts/paired_summary.py} turns them
 * into the median extra CPU and allocation per request of each instrumented application over the bare one, and the
 * bundle's extra CPU as a share of Micrometer's and of {@code @Timed}'s, with bootstrap intervals that resample whole forks.
 * The system property {@code paired.variants} chooses the applications, {@code off} first (default
 * {@value #DEFAULT_VARIANTS}); with {@code native} (the bundle with native histograms) beside {@code dwprom}, the
 * summary also gives what native buckets add to the bundle's request.
 *
 * <p>What it cannot show: the applications share one JIT profile, so a few of Jersey's and Jetty's call sites see
 * the listener and filter classes of every variant (several receiver types instead of one). That can only slow the
 * bare application, by a type check at those sites, and so shrink both extras slightly.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 1)
@Fork(3)
public class JerseyPairedBenchmark {

    static final String DEFAULT_VARIANTS = "off,dwprom,micrometer,timed";
    static final String[] VARIANTS = variants(System.getProperty("paired.variants", DEFAULT_VARIANTS));

    @Param({"root", "experiment"})
    public String route;

    private final ServedApplication[] applications = new ServedApplication[VARIANTS.length];
    private final long[] measured = new long[2];
    private String request;
    private int first;
    private boolean measuring;
    private int iteration;
    /** Per measured round: iteration, then CPU nanoseconds and allocated bytes of each variant. */
    private long[] rounds = new long[1 << 16];
    private int used;

    private static String[] variants(String list) {
        String[] variants = list.split(",");
        if (!variants[0].equals("off") || variants.length < 2) {
            throw new IllegalArgumentException("paired.variants must list off first and at least one other "
                    + "application, not " + list);
        }
        return variants;
    }

    @Setup
    public void setUp() {
        for (int i = 0; i < VARIANTS.length; i++) {
            applications[i] = ServedApplication.start(VARIANTS[i]);
        }
        request = route.equals("root") ? ServedApplication.ROOT : ServedApplication.EXPERIMENT;
    }

    @Setup(Level.Iteration)
    public void startIteration(IterationParams params) {
        measuring = params.getType() == IterationType.MEASUREMENT;
        if (measuring) {
            iteration++;
        }
    }

    @Benchmark
    public int serveRound() {
        first = (first + 1) % VARIANTS.length;
        int row = used;
        if (measuring) {
            if (row + 1 + 2 * VARIANTS.length > rounds.length) {
                rounds = Arrays.copyOf(rounds, rounds.length * 2);
            }
            rounds[row] = iteration;
            used += 1 + 2 * VARIANTS.length;
        }
        for (int i = 0; i < VARIANTS.length; i++) {
            int variant = (first + i) % VARIANTS.length;
            applications[variant].measure(request, measured);
            if (measuring) {
                rounds[row + 1 + 2 * variant] = measured[0];
                rounds[row + 2 + 2 * variant] = measured[1];
            }
        }
        return first;
    }

    @TearDown
    public void tearDown() throws Exception {
        for (ServedApplication application : applications) {
            application.close();
        }
        writeRounds();
    }

    private void writeRounds() throws IOException {
        Path dir = Path.of(System.getProperty("paired.rounds", "paired-rounds"));
        Files.createDirectories(dir);
        Path file = dir.resolve("paired-" + route + "-" + ProcessHandle.current().pid() + ".csv");
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            StringBuilder header = new StringBuilder("iteration");
            for (String variant : VARIANTS) {
                header.append(',').append(variant).append("_ns,").append(variant).append("_bytes");
            }
            out.println(header);
            int width = 1 + 2 * VARIANTS.length;
            for (int row = 0; row < used; row += width) {
                StringBuilder line = new StringBuilder().append(rounds[row]);
                for (int i = 1; i < width; i++) {
                    line.append(',').append(rounds[row + i]);
                }
                out.println(line);
            }
        }
    }
}
