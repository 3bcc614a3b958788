package io.dwprom.internal.exposition;

import io.dwprom.internal.core.NativeBuckets;
import io.dwprom.internal.core.NativeSeries;
import io.prometheus.client.Collector;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.Exemplar;
import io.prometheus.metrics.model.snapshots.Exemplars;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.NativeHistogramBuckets;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns simpleclient's collected families into client_java 1.x snapshots, which its protobuf writer takes, and
 * the series of a {@link io.dwprom.internal.core.NativeHistogramFamily} into histogram snapshots with classic and
 * native buckets. A family keeps its name, help, labels, values and exemplars; the {@code _created} samples become
 * the created timestamps the protobuf format has a field for.
 */
final class SnapshotConversion {

    private SnapshotConversion() {
    }

    /** The snapshot of one simpleclient family. */
    static MetricSnapshot of(MetricFamilySamples family) {
        MetricMetadata metadata = new MetricMetadata(family.name, family.help);
        return switch (family.type) {
            case COUNTER -> counter(family, metadata);
            case GAUGE -> gauge(family, metadata);
            case HISTOGRAM, GAUGE_HISTOGRAM -> histogram(family, metadata);
            case SUMMARY -> summary(family, metadata);
            case INFO -> info(family, metadata);
            case STATE_SET -> stateSet(family, metadata);
            default -> unknown(family, metadata);
        };
    }

    /** The histogram snapshot of a family with native buckets, from its series read for the protobuf format. */
    static HistogramSnapshot of(String name, String help, List<NativeSeries> series) {
        HistogramSnapshot.Builder snapshot = HistogramSnapshot.builder().name(name).help(help);
        for (NativeSeries each : series) {
            HistogramSnapshot.HistogramDataPointSnapshot.Builder point = HistogramSnapshot.HistogramDataPointSnapshot
                    .builder()
                    .labels(Labels.of(each.labelNames(), each.labelValues()))
                    .classicHistogramBuckets(ClassicHistogramBuckets.of(each.upperBounds(), each.bucketCounts()))
                    .sum(each.sum())
                    .exemplars(exemplars(each.exemplars()));
            NativeBuckets.Snapshot buckets = each.buckets();
            if (buckets != null) {
                point.nativeSchema(buckets.schema())
                        .nativeZeroCount(buckets.zeroCount())
                        .nativeZeroThreshold(each.zeroThreshold())
                        .nativeBucketsForPositiveValues(NativeHistogramBuckets.of(buckets.indexes(), buckets.counts()));
            }
            snapshot.dataPoint(point.build());
        }
        return snapshot.build();
    }

    private static CounterSnapshot counter(MetricFamilySamples family, MetricMetadata metadata) {
        Map<Labels, Double> created = created(family);
        List<CounterSnapshot.CounterDataPointSnapshot> points = new ArrayList<>();
        for (Sample sample : family.samples) {
            if (sample.name.equals(family.name + "_total") || sample.name.equals(family.name)) {
                Labels labels = labels(sample);
                points.add(CounterSnapshot.CounterDataPointSnapshot.builder().labels(labels).value(sample.value)
                        .exemplar(exemplar(sample.exemplar))
                        .createdTimestampMillis(millis(created.get(labels))).build());
            }
        }
        return new CounterSnapshot(metadata, points);
    }

    private static GaugeSnapshot gauge(MetricFamilySamples family, MetricMetadata metadata) {
        List<GaugeSnapshot.GaugeDataPointSnapshot> points = new ArrayList<>();
        for (Sample sample : family.samples) {
            points.add(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(labels(sample)).value(sample.value)
                    .exemplar(exemplar(sample.exemplar)).build());
        }
        return new GaugeSnapshot(metadata, points);
    }

    private static UnknownSnapshot unknown(MetricFamilySamples family, MetricMetadata metadata) {
        List<UnknownSnapshot.UnknownDataPointSnapshot> points = new ArrayList<>();
        for (Sample sample : family.samples) {
            points.add(UnknownSnapshot.UnknownDataPointSnapshot.builder().labels(labels(sample)).value(sample.value)
                    .build());
        }
        return new UnknownSnapshot(metadata, points);
    }

    private static InfoSnapshot info(MetricFamilySamples family, MetricMetadata metadata) {
        List<InfoSnapshot.InfoDataPointSnapshot> points = new ArrayList<>();
        for (Sample sample : family.samples) {
            points.add(InfoSnapshot.InfoDataPointSnapshot.builder().labels(labels(sample)).build());
        }
        return new InfoSnapshot(metadata, points);
    }

    private static StateSetSnapshot stateSet(MetricFamilySamples family, MetricMetadata metadata) {
        Map<Labels, StateSetSnapshot.StateSetDataPointSnapshot.Builder> points = new LinkedHashMap<>();
        for (Sample sample : family.samples) {
            Labels others = labelsWithout(sample, family.name);
            String state = sample.labelValues.get(sample.labelNames.indexOf(family.name));
            points.computeIfAbsent(others, l -> StateSetSnapshot.StateSetDataPointSnapshot.builder().labels(l))
                    .state(state, sample.value != 0);
        }
        StateSetSnapshot.Builder snapshot = StateSetSnapshot.builder().name(family.name).help(family.help);
        points.values().forEach(point -> snapshot.dataPoint(point.build()));
        return snapshot.build();
    }

    private static SummarySnapshot summary(MetricFamilySamples family, MetricMetadata metadata) {
        Map<Labels, SummaryParts> parts = parts(family, "quantile", SummaryParts::new);
        List<SummarySnapshot.SummaryDataPointSnapshot> points = new ArrayList<>();
        parts.forEach((labels, each) -> points.add(new SummarySnapshot.SummaryDataPointSnapshot(
                each.count, each.sum, Quantiles.of(each.quantiles), labels, Exemplars.EMPTY, millis(each.created))));
        return new SummarySnapshot(metadata, points);
    }

    private static HistogramSnapshot histogram(MetricFamilySamples family, MetricMetadata metadata) {
        Map<Labels, HistogramParts> parts = parts(family, "le", HistogramParts::new);
        List<HistogramSnapshot.HistogramDataPointSnapshot> points = new ArrayList<>();
        parts.forEach((labels, each) -> points.add(each.point(labels)));
        return new HistogramSnapshot(family.type == Collector.Type.GAUGE_HISTOGRAM, metadata, points);
    }

    /**
     * The samples of each series, keyed by its labels without {@code extraLabel} ({@code le}, {@code quantile}).
     * Collectors give a series' samples one after another, so a sample with the previous one's labels joins its
     * series without building and looking up its labels.
     */
    private static <P extends Parts> Map<Labels, P> parts(MetricFamilySamples family, String extraLabel,
                                                           Function<String, P> create) {
        Map<Labels, P> parts = new LinkedHashMap<>();
        Sample previous = null;
        P series = null;
        for (Sample sample : family.samples) {
            if (previous == null || !sameLabelsBesides(previous, sample, extraLabel)) {
                series = parts.computeIfAbsent(labelsWithout(sample, extraLabel), l -> create.apply(family.name));
            }
            series.add(sample, extraLabel);
            previous = sample;
        }
        return parts;
    }

    /** Whether two samples have the same label names, in the same order, and values, {@code excluded} aside. */
    private static boolean sameLabelsBesides(Sample one, Sample other, String excluded) {
        int i = 0;
        int j = 0;
        while (true) {
            i = skip(one, i, excluded);
            j = skip(other, j, excluded);
            if (i == one.labelNames.size() || j == other.labelNames.size()) {
                return i == one.labelNames.size() && j == other.labelNames.size();
            }
            if (!one.labelNames.get(i).equals(other.labelNames.get(j))
                    || !one.labelValues.get(i).equals(other.labelValues.get(j))) {
                return false;
            }
            i++;
            j++;
        }
    }

    /** The position of the first label of {@code sample} at or after {@code from} that is not {@code excluded}. */
    private static int skip(Sample sample, int from, String excluded) {
        int at = from;
        while (at < sample.labelNames.size() && sample.labelNames.get(at).equals(excluded)) {
            at++;
        }
        return at;
    }

    private abstract static class Parts {

        final String family;
        long count = -1;
        double sum = Double.NaN;
        Double created;

        Parts(String family) {
            this.family = family;
        }

        void add(Sample sample, String extraLabel) {
            String suffix = sample.name.substring(Math.min(family.length(), sample.name.length()));
            switch (suffix) {
                case "_count", "_gcount" -> count = (long) sample.value;
                case "_sum", "_gsum" -> sum = sample.value;
                case "_created" -> created = sample.value;
                default -> addOther(sample, sample.labelValues.get(sample.labelNames.indexOf(extraLabel)));
            }
        }

        abstract void addOther(Sample sample, String extraValue);
    }

    private static final class SummaryParts extends Parts {

        final List<io.prometheus.metrics.model.snapshots.Quantile> quantiles = new ArrayList<>();

        SummaryParts(String family) {
            super(family);
        }

        @Override
        void addOther(Sample sample, String quantile) {
            quantiles.add(new io.prometheus.metrics.model.snapshots.Quantile(Double.parseDouble(quantile),
                    sample.value));
        }
    }

    private static final class HistogramParts extends Parts {

        final List<Double> bounds = new ArrayList<>();
        final List<Long> cumulative = new ArrayList<>();
        final List<Exemplar> exemplars = new ArrayList<>();

        HistogramParts(String family) {
            super(family);
        }

        @Override
        void addOther(Sample sample, String le) {
            bounds.add(le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le));
            cumulative.add((long) sample.value);
            Exemplar exemplar = exemplar(sample.exemplar);
            if (exemplar != null) {
                exemplars.add(exemplar);
            }
        }

        HistogramSnapshot.HistogramDataPointSnapshot point(Labels labels) {
            double[] upperBounds = bounds.stream().mapToDouble(Double::doubleValue).toArray();
            long[] counts = new long[upperBounds.length];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = cumulative.get(i) - (i == 0 ? 0 : cumulative.get(i - 1));
            }
            return new HistogramSnapshot.HistogramDataPointSnapshot(ClassicHistogramBuckets.of(upperBounds, counts),
                    sum, labels, Exemplars.of(exemplars), millis(created));
        }
    }

    private static Map<Labels, Double> created(MetricFamilySamples family) {
        Map<Labels, Double> created = new LinkedHashMap<>();
        for (Sample sample : family.samples) {
            if (sample.name.equals(family.name + "_created")) {
                created.put(labels(sample), sample.value);
            }
        }
        return created;
    }

    private static Exemplars exemplars(io.prometheus.client.exemplars.Exemplar[] perBucket) {
        List<Exemplar> converted = new ArrayList<>();
        for (io.prometheus.client.exemplars.Exemplar each : perBucket) {
            Exemplar exemplar = exemplar(each);
            if (exemplar != null) {
                converted.add(exemplar);
            }
        }
        return Exemplars.of(converted);
    }

    private static Exemplar exemplar(io.prometheus.client.exemplars.Exemplar exemplar) {
        if (exemplar == null) {
            return null;
        }
        String[] pairs = new String[exemplar.getNumberOfLabels() * 2];
        for (int i = 0; i < exemplar.getNumberOfLabels(); i++) {
            pairs[2 * i] = exemplar.getLabelName(i);
            pairs[2 * i + 1] = exemplar.getLabelValue(i);
        }
        Exemplar.Builder builder = Exemplar.builder().value(exemplar.getValue()).labels(Labels.of(pairs));
        if (exemplar.getTimestampMs() != null) {
            builder.timestampMillis(exemplar.getTimestampMs());
        }
        return builder.build();
    }

    private static Labels labels(Sample sample) {
        return Labels.of(sample.labelNames, sample.labelValues);
    }

    private static Labels labelsWithout(Sample sample, String excluded) {
        List<String> names = new ArrayList<>(sample.labelNames.size());
        List<String> values = new ArrayList<>(sample.labelNames.size());
        for (int i = 0; i < sample.labelNames.size(); i++) {
            if (!sample.labelNames.get(i).equals(excluded)) {
                names.add(sample.labelNames.get(i));
                values.add(sample.labelValues.get(i));
            }
        }
        return Labels.of(names, values);
    }

    /** Seconds (simpleclient's {@code _created} value) as the milliseconds of a created timestamp; 0 for none. */
    private static long millis(Double seconds) {
        return seconds == null ? 0L : Math.round(seconds * 1000);
    }
}
