package io.dwprom.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The counters of a paired benchmark: CPU time spent in the baseline and in the bundle over one iteration, and the
 * pairs measured. {@code benchmarks/scripts/paired_summary.py} reads them by these names. {@link #measure} runs
 * one pair of batches.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class PairedNanos {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public long offNanos;
    public long dwpromNanos;
    public long requestPairs;
    private boolean dwpromFirst;

    @Setup(Level.Iteration)
    public void reset() {
        offNanos = 0;
        dwpromNanos = 0;
        requestPairs = 0;
    }

    /**
     * Runs {@code batch} recordings of {@code off}, then as many of {@code dwprom}, in the order opposite to the
     * previous call's, each batch timed in the thread's CPU time: on a machine shared by many busy processes a
     * thread spends most of its wall time waiting for a core, and which batch a wait falls into is chance.
     */
    void measure(Runnable off, Runnable dwprom, int batch) {
        dwpromFirst = !dwpromFirst;
        if (dwpromFirst) {
            dwpromNanos += timed(dwprom, batch);
            offNanos += timed(off, batch);
        } else {
            offNanos += timed(off, batch);
            dwpromNanos += timed(dwprom, batch);
        }
        requestPairs += batch;
    }

    private static long timed(Runnable recording, int batch) {
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < batch; i++) {
            recording.run();
        }
        return THREADS.getCurrentThreadCpuTime() - start;
    }
}
