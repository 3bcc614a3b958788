package io.dwprom.internal.core;

import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exemplars.HistogramExemplarSampler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A labelled histogram family whose series are {@link StripedLongs} rows, for histograms written on the request
 * path by many threads at once (where simpleclient's adders, at most one cell per core, keep moving between
 * cores). Values are recorded in whole units (nanoseconds for a histogram in seconds) and rendered as
 * simpleclient's {@code Histogram} renders them. New label sets pass the {@link CardinalityGuard}; past its limit
 * they are recorded into one series whose every label is {@value CardinalityGuard#OVERFLOW}. Given an exemplar
 * sampler, each series keeps {@link BucketExemplars}. With {@link NativeHistograms} enabled, each series also keeps
 * {@link NativeBuckets}, which only the protobuf format shows.
 */
public final class StripedHistogram extends Collector implements Collector.Describable, NativeHistogramFamily {

    private final String name;
    private final String help;
    private final List<String> labelNames;
    private final HistogramCells cells;
    private final NativeCells nativeCells;
    private final LabelSetBudget budget;
    private final HistogramExemplarSampler exemplarSampler;
    private final ConcurrentMap<LabelValues, Series> series = new ConcurrentHashMap<>();
    private final List<Series> seriesInCreationOrder = new CopyOnWriteArrayList<>();
    private Series overflow;

    /**
     * @param unitsPerValue   recorded units per exposed value: 1e9 for seconds recorded in nanoseconds
     * @param exemplarSampler samples the buckets' exemplars; null for none
     */
    public StripedHistogram(CollectorRegistry registry, CardinalityGuard guard, String name, String help,
                            List<String> labelNames, double[] upperBounds, double unitsPerValue,
                            HistogramExemplarSampler exemplarSampler) {
        this(registry, guard, name, help, labelNames, upperBounds, unitsPerValue, exemplarSampler,
                NativeHistograms.disabled());
    }

    /** As the constructor above; with {@code natives} enabled, the series keep native buckets too. */
    public StripedHistogram(CollectorRegistry registry, CardinalityGuard guard, String name, String help,
                            List<String> labelNames, double[] upperBounds, double unitsPerValue,
                            HistogramExemplarSampler exemplarSampler, NativeHistograms natives) {
        this.name = name;
        this.help = help;
        this.labelNames = List.copyOf(labelNames);
        this.cells = new HistogramCells(upperBounds, 0, unitsPerValue);
        this.nativeCells = natives.settings().map(settings -> new NativeCells(settings)).orElse(null);
        this.budget = guard.budget(name);
        this.exemplarSampler = exemplarSampler;
        register(registry);
        if (nativeCells != null) {
            natives.register(this);
        }
    }

    /** The series of these label values (one per label name), created on first use. */
    public Series labels(String... labelValues) {
        if (labelValues.length != labelNames.size()) {
            throw new IllegalArgumentException(name + " takes " + labelNames.size() + " label values "
                    + labelNames + ", not " + Arrays.toString(labelValues));
        }
        Series known = series.get(new LabelValues(labelValues));
        return known != null ? known : admit(labelValues.clone());
    }

    private Series admit(String[] labelValues) {
        for (String value : labelValues) {
            if (value == null) {
                throw new IllegalArgumentException(name + ": label values must not be null");
            }
        }
        synchronized (this) {
            Series raced = series.get(new LabelValues(labelValues));
            if (raced != null) {
                return raced;
            }
            if (!budget.tryAdmit()) {
                return overflowSeries();
            }
            Series created = new Series(List.of(labelValues));
            series.put(new LabelValues(labelValues), created);
            seriesInCreationOrder.add(created);
            return created;
        }
    }

    private Series overflowSeries() {
        if (overflow == null) {
            String[] values = new String[labelNames.size()];
            Arrays.fill(values, CardinalityGuard.OVERFLOW);
            overflow = new Series(List.of(values));
            seriesInCreationOrder.add(overflow);
        }
        return overflow;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        List<Sample> samples = new ArrayList<>();
        for (Series each : seriesInCreationOrder) {
            each.addSamples(samples);
        }
        return List.of(new MetricFamilySamples(name, Type.HISTOGRAM, help, samples));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String help() {
        return help;
    }

    @Override
    public List<NativeSeries> nativeSeries() {
        List<NativeSeries> read = new ArrayList<>();
        for (Series each : seriesInCreationOrder) {
            read.add(each.nativeSeries());
        }
        return read;
    }

    @Override
    public List<MetricFamilySamples> describe() {
        return List.of(new MetricFamilySamples(name, Type.HISTOGRAM, help, List.of()));
    }

    /** One labelled series of the family. */
    public final class Series {

        private final List<String> labelValues;
        private final StripedLongs row;
        private final double createdSeconds = System.currentTimeMillis() / 1000.0;
        private final BucketExemplars exemplars;
        private final NativeBuckets nativeBuckets;

        private Series(List<String> labelValues) {
            this.labelValues = labelValues;
            this.exemplars = exemplarSampler == null ? null : cells.exemplars(exemplarSampler);
            this.row = new StripedLongs(cells.width());
            this.nativeBuckets = nativeCells == null ? null : nativeCells.newBuckets();
        }

        /** Records one value, in the family's units (nanoseconds for a histogram in seconds). */
        public void observe(long units) {
            if (nativeCells == null) {
                cells.observe(row.currentStripe(), units, exemplars);
            } else {
                nativeCells.observe(row.currentStripe(), units, cells, exemplars, nativeBuckets);
            }
        }

        private NativeSeries nativeSeries() {
            return nativeCells.read(row, nativeBuckets, cells, labelNames, labelValues, createdSeconds, exemplars);
        }

        private void addSamples(List<Sample> samples) {
            cells.addSamples(samples, name, labelNames, labelValues, row.sums(), createdSeconds, exemplars);
        }
    }
}
