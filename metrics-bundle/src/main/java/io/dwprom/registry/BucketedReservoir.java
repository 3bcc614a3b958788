package io.dwprom.registry;

import com.codahale.metrics.ExponentiallyDecayingReservoir;
import com.codahale.metrics.Reservoir;
import com.codahale.metrics.Snapshot;

import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * A Dropwizard {@link Reservoir} that also keeps Prometheus histogram buckets. Dropwizard's JSON and reporters see
 * the usual decaying sample; the Prometheus exporter reads exact, aggregatable bucket counts and the sum, which a
 * plain Dropwizard histogram cannot provide. Values arrive in Dropwizard's unit (nanoseconds for timers) and are
 * bucketed after multiplying by {@code scale} (1e-9 turns them into seconds).
 */
final class BucketedReservoir implements Reservoir {

    private final Reservoir sample = new ExponentiallyDecayingReservoir();
    private final double scale;
    private final double[] upperBounds;
    private final LongAdder[] bucketCounts;
    private final DoubleAdder sum = new DoubleAdder();

    BucketedReservoir(List<Double> upperBounds, double scale) {
        this.scale = scale;
        this.upperBounds = upperBounds.stream().mapToDouble(Double::doubleValue).toArray();
        this.bucketCounts = new LongAdder[this.upperBounds.length + 1];
        for (int i = 0; i < bucketCounts.length; i++) {
            bucketCounts[i] = new LongAdder();
        }
    }

    @Override
    public void update(long value) {
        sample.update(value);
        double scaled = value * scale;
        int bucket = 0;
        while (bucket < upperBounds.length && scaled > upperBounds[bucket]) {
            bucket++;
        }
        bucketCounts[bucket].increment();
        sum.add(scaled);
    }

    @Override
    public int size() {
        return sample.size();
    }

    @Override
    public Snapshot getSnapshot() {
        return sample.getSnapshot();
    }

    /** The finite upper bounds, in the exported unit. */
    double[] upperBounds() {
        return upperBounds.clone();
    }

    /** Cumulative counts per bucket, the last one being +Inf (the total count). */
    long[] cumulativeCounts() {
        long[] cumulative = new long[bucketCounts.length];
        long running = 0;
        for (int i = 0; i < bucketCounts.length; i++) {
            running += bucketCounts[i].sum();
            cumulative[i] = running;
        }
        return cumulative;
    }

    /** Sum of all observations, in the exported unit. */
    double sum() {
        return sum.sum();
    }
}
