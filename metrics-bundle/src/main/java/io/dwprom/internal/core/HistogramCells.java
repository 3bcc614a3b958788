package io.dwprom.internal.core;

import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import io.prometheus.client.Collector;
import io.prometheus.client.exemplars.Exemplar;
import io.prometheus.client.exemplars.HistogramExemplarSampler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The cells one histogram series takes in a {@link StripedLongs} row: a count per bucket (the {@code +Inf} bucket
 * last), then the sum of the observed values in whole units. Buckets hold plain counts; {@link #addSamples} makes
 * them cumulative and renders {@code _bucket}, {@code _count}, {@code _sum} and {@code _created} samples as
 * simpleclient's own {@code Histogram} does, so the exposition cannot tell them apart. A series may keep
 * {@link BucketExemplars} beside its row; its buckets then carry their exemplars.
 */
public final class HistogramCells {

    private final double[] upperBounds;
    private final String[] leValues;
    private final int firstCell;
    private final double unitsPerValue;

    /**
     * @param upperBounds   the bucket bounds, ascending, without {@code +Inf}
     * @param firstCell     where this histogram's cells start in the row
     * @param unitsPerValue how many recorded units make one exposed value (1e9 for seconds recorded in nanoseconds)
     */
    public HistogramCells(double[] upperBounds, int firstCell, double unitsPerValue) {
        this.upperBounds = upperBounds.clone();
        this.leValues = new String[upperBounds.length + 1];
        for (int i = 0; i < upperBounds.length; i++) {
            if (i > 0 && upperBounds[i] <= upperBounds[i - 1]) {
                throw new IllegalArgumentException("Bucket bounds must increase: " + upperBounds[i - 1] + " then "
                        + upperBounds[i]);
            }
            leValues[i] = Collector.doubleToGoString(upperBounds[i]);
        }
        leValues[upperBounds.length] = "+Inf";
        this.firstCell = firstCell;
        this.unitsPerValue = unitsPerValue;
    }

    /** Cells taken: the buckets, {@code +Inf} and the sum. */
    public int width() {
        return upperBounds.length + 2;
    }

    /** The first cell after this histogram's. */
    public int endCell() {
        return firstCell + width();
    }

    /** Counts one observation of {@code units} (for example nanoseconds) into its bucket and the sum. */
    public void observe(StripedLongs.Stripe stripe, long units) {
        observe(stripe, units, null);
    }

    /**
     * As {@link #observe(StripedLongs.Stripe, long)}, and offers the observation to {@code exemplars} if not null.
     *
     * @return the observed value in the exposed unit, for native buckets to record it without dividing again
     */
    public double observe(StripedLongs.Stripe stripe, long units, BucketExemplars exemplars) {
        double value = value(units);
        int bucket = 0;
        while (bucket < upperBounds.length && value > upperBounds[bucket]) {
            bucket++;
        }
        if (units != 0) { // an empty body adds nothing to the sum: spare the atomic write
            stripe.add(firstCell + upperBounds.length + 1, units);
        }
        stripe.add(firstCell + bucket, 1);
        if (exemplars != null) {
            exemplars.offer(bucket, value, bucket == 0 ? Double.NEGATIVE_INFINITY : upperBounds[bucket - 1],
                    bucket == upperBounds.length ? Double.POSITIVE_INFINITY : upperBounds[bucket]);
        }
        return value;
    }

    /** {@code units} in the exposed unit (seconds for nanoseconds). */
    private double value(long units) {
        return units / unitsPerValue;
    }

    /** The bucket bounds, {@code +Inf} last. */
    public double[] upperBoundsWithInfinity() {
        double[] bounds = Arrays.copyOf(upperBounds, upperBounds.length + 1);
        bounds[upperBounds.length] = Double.POSITIVE_INFINITY;
        return bounds;
    }

    /** The observations in each bucket ({@code +Inf} last, not cumulative), read from {@code sums}. */
    public long[] bucketCounts(long[] sums) {
        return Arrays.copyOfRange(sums, firstCell, firstCell + leValues.length);
    }

    /** The observations counted in {@code sums}: the {@code +Inf} bucket's cumulative count. */
    public long count(long[] sums) {
        long count = 0;
        for (int bucket = 0; bucket < leValues.length; bucket++) {
            count += sums[firstCell + bucket];
        }
        return count;
    }

    /** The sum of the observed values in the exposed unit, read from {@code sums}. */
    public double sum(long[] sums) {
        return sums[firstCell + leValues.length] / unitsPerValue;
    }

    /** Each bucket's exemplar, read from {@code exemplars}; all null when it is null. */
    Exemplar[] exemplars(BucketExemplars exemplars) {
        Exemplar[] each = new Exemplar[leValues.length];
        for (int bucket = 0; exemplars != null && bucket < each.length; bucket++) {
            each[bucket] = exemplars.get(bucket);
        }
        return each;
    }

    /** Empty exemplar slots for one series of this histogram, filled by {@code sampler}. */
    public BucketExemplars exemplars(HistogramExemplarSampler sampler) {
        return new BucketExemplars(sampler, leValues.length);
    }

    /**
     * Appends this series' samples, read from {@code sums} (a snapshot of the row), to a histogram family; the
     * {@code _created} sample unless {@link CreatedSeries} says otherwise or {@code createdSeconds} is NaN (a series
     * that keeps no created time).
     */
    public void addSamples(List<Sample> samples, String family, List<String> labelNames, List<String> labelValues,
                           long[] sums, double createdSeconds) {
        addSamples(samples, family, labelNames, labelValues, sums, createdSeconds, null);
    }

    /** As the method above, with each bucket's exemplar from {@code exemplars} if not null. */
    public void addSamples(List<Sample> samples, String family, List<String> labelNames, List<String> labelValues,
                           long[] sums, double createdSeconds, BucketExemplars exemplars) {
        List<String> namesWithLe = new ArrayList<>(labelNames);
        namesWithLe.add("le");
        long cumulative = 0;
        for (int bucket = 0; bucket < leValues.length; bucket++) {
            cumulative += sums[firstCell + bucket];
            List<String> valuesWithLe = new ArrayList<>(labelValues);
            valuesWithLe.add(leValues[bucket]);
            samples.add(new Sample(family + "_bucket", namesWithLe, valuesWithLe, cumulative,
                    exemplars == null ? null : exemplars.get(bucket)));
        }
        samples.add(new Sample(family + "_count", labelNames, labelValues, cumulative));
        samples.add(new Sample(family + "_sum", labelNames, labelValues, sum(sums)));
        if (CreatedSeries.INCLUDED && !Double.isNaN(createdSeconds)) {
            samples.add(new Sample(family + "_created", labelNames, labelValues, createdSeconds));
        }
    }
}
