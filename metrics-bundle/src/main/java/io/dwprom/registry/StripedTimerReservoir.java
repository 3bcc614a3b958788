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
 * The reservoir of a timer that may keep native buckets: Dropwizard's JSON and reporters see the usual decaying
 * sample; the exporter reads classic buckets in the bundle's per-thread striped cells (durations in nanoseconds,
 * exported in seconds) and, given native settings, {@link NativeBuckets} recorded with them.
 */
final class StripedTimerReservoir implements Reservoir {

    private final Reservoir sample = new ExponentiallyDecayingReservoir();
    private final HistogramCells cells;
    private final NativeCells nativeCells;
    private final NativeBuckets nativeBuckets;
    private final StripedLongs row;
    private final double createdSeconds = System.currentTimeMillis() / 1000.0;

    /** @param nativeSettings the native buckets' settings; null for classic buckets only */
    StripedTimerReservoir(double[] bucketsSeconds, NativeHistogramSettings nativeSettings) {
        this.cells = new HistogramCells(bucketsSeconds, 0, 1e9);
        this.nativeCells = nativeSettings == null ? null : new NativeCells(nativeSettings);
        this.nativeBuckets = nativeCells == null ? null : nativeCells.newBuckets();
        this.row = new StripedLongs(cells.width());
    }

    @Override
    public void update(long nanos) {
        sample.update(nanos);
        if (nativeCells == null) {
            cells.observe(row.currentStripe(), nanos);
        } else {
            nativeCells.observe(row.currentStripe(), nanos, cells, null, nativeBuckets);
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

    /** Appends the classic samples of the family {@code name}, as simpleclient's {@code Histogram} renders them. */
    void addSamples(List<Sample> samples, String name) {
        cells.addSamples(samples, name, List.of(), List.of(), row.sums(), createdSeconds);
    }

    /** The series with its native buckets; only for a reservoir made with native settings. */
    NativeSeries nativeSeries() {
        return nativeCells.read(row, nativeBuckets, cells, List.of(), List.of(), createdSeconds, null);
    }
}
