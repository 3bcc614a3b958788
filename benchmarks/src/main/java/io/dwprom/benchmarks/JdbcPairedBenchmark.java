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

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * The statement of {@link JdbcProxyBenchmark}, directly and through a {@code proxy} ({@code bundle}: the statement
 * timing of {@code PrometheusBundle#dataSourceFactory}; {@code datasource-proxy}: net.ttddyy's library with the same
 * recording), a batch of {@value #BATCH} of each per operation in alternating order, each batch timed on its own in
 * the thread's CPU time (on a machine shared by busy processes a thread spends much of its wall time waiting for a
 * core, and which batch a wait falls into is chance), so that both see the same machine. The counters keep {@link JerseyPairedBenchmark}'s names (off: direct, dwprom: through the proxy), so
 * {@code benchmarks/scripts/paired_summary.py} gives the median difference per statement with its interval.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(2)
public class JdbcPairedBenchmark {

    private static final int BATCH = 200;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Param({"bundle", "datasource-proxy"})
    public String proxy;

    private final JdbcProxyBenchmark connections = new JdbcProxyBenchmark();
    private Connection direct;
    private Connection proxied;
    private boolean proxiedFirst;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        connections.setUp();
        direct = connections.direct;
        proxied = proxy.equals("bundle") ? connections.bundle : connections.datasourceProxy;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        connections.tearDown();
    }

    @Benchmark
    public int statementPair(PairedNanos nanos) throws SQLException {
        proxiedFirst = !proxiedFirst;
        int rows;
        if (proxiedFirst) {
            long start = THREADS.getCurrentThreadCpuTime();
            rows = batch(proxied);
            long middle = THREADS.getCurrentThreadCpuTime();
            rows += batch(direct);
            nanos.dwpromNanos += middle - start;
            nanos.offNanos += THREADS.getCurrentThreadCpuTime() - middle;
        } else {
            long start = THREADS.getCurrentThreadCpuTime();
            rows = batch(direct);
            long middle = THREADS.getCurrentThreadCpuTime();
            rows += batch(proxied);
            nanos.offNanos += middle - start;
            nanos.dwpromNanos += THREADS.getCurrentThreadCpuTime() - middle;
        }
        nanos.requestPairs += BATCH;
        return rows;
    }

    private static int batch(Connection connection) throws SQLException {
        int rows = 0;
        for (int i = 0; i < BATCH; i++) {
            rows += JdbcProxyBenchmark.select(connection);
        }
        return rows;
    }
}
