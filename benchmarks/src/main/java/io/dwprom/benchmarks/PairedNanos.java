package io.dwprom.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The counters of a paired benchmark: CPU time spent in the baseline and in the bundle over one iteration, and the
 * pairs measured. {@code benchmarks/scripts/paired_summary.py} reads them by these names.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class PairedNanos {
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
