package io.dwprom.registry;

import com.codahale.metrics.ExponentiallyDecayingReservoir;
import com.codahale.metrics.Reservoir;
import com.codahale.metrics.Snapshot;
import io.dwprom.internal.core.HistogramCells;
import io.dwprom.internal.core.NativeBuckets;
import io.dwprom.internal.core.NativeCells;
import io.dwprom.internal.core.NativeHistogramSettings;
import io.dwprom.internal.core.NativeSeries;
import io.dwprom.internal.core.StripedLongs;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;

import java.util.List;

/**
 * A Dropwizard {@link Reservoir} that also keeps Prometheus histogram buckets. Dropwizard's JSON and reporters see
 * the usual decaying sample; the Prometheus exporter reads exact, aggregatable bucket counts and the sum, which a
 * plain Dropwizard histogram cannot provide, from the bundle's per-thread striped cells, and, given native
 * settings, {@link NativeBuckets} recorded with them. Values arrive in Dropwizard's unit (nanoseconds for timers)
 * and are exported divided by {@code unitsPerValue} (1e9 turns nanoseconds into seconds). Like the other families
 * kept in Dropwizard's registry, the series keeps no created time.
 */
final class BucketedReservoir implements Reservoir {

    private final Reservoir sample = new ExponentiallyDecayingReservoir();
    private final HistogramCells cells;
    private final NativeCells nativeCells;
    private final NativeBuckets nativeBuckets;
    private final StripedLongs row;

    /**
     * @param upperBounds    the bucket bounds in the exported unit, ascending, without {@code +Inf}
     * @param nativeSettings the native buckets' settings; null for classic buckets only
     */
    BucketedReservoir(double[] upperBounds, double unitsPerValue, NativeHistogramSettings nativeSettings) {
        this.cells = new HistogramCells(upperBounds, 0, unitsPerValue);
        this.nativeCells = nativeSettings == null ? null : new NativeCells(nativeSettings);
        this.nativeBuckets = nativeCells == null ? null : nativeCells.newBuckets();
        this.row = new StripedLongs(cells.width());
    }

    @Override
    public void update(long value) {
        sample.update(value);
        if (nativeCells == null) {
            cells.observe(row.currentStripe(), value);
        } else {
            nativeCells.observe(row.currentStripe(), value, cells, null, nativeBuckets);
        }
    }

    @Override
    public int size() {
        return sample.size();
    }

    @Override
    public Snapshot getSnapshot() {
        return sample.getSnapshot();
    }

    /** Appends the samples of the family {@code name}, as simpleclient's {@code Histogram} renders them. */
    void addSamples(List<Sample> samples, String name) {
        cells.addSamples(samples, name, List.of(), List.of(), row.sums(), Double.NaN);
    }

    /** The series with its native buckets; only for a reservoir made with native settings. */
    NativeSeries nativeSeries() {
        return nativeCells.read(row, nativeBuckets, cells, List.of(), List.of(), Double.NaN, null);
    }
}
