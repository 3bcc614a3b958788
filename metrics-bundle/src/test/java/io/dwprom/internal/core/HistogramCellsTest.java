package io.dwprom.internal.core;

import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import io.prometheus.client.Histogram;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HistogramCellsTest {

    private static final double[] BOUNDS = Buckets.toArray(Buckets.HTTP_DURATION_SECONDS);

    @Test
    void rendersTheSameSamplesAsSimpleclientsHistogramForTheSameObservations() {
        HistogramCells cells = new HistogramCells(BOUNDS, 3, 1e9);
        StripedLongs row = new StripedLongs(3 + cells.width());
        Histogram reference = Histogram.build("latency_seconds", "h").labelNames("route").buckets(BOUNDS).create();
        Random random = new Random(42);
        List<Long> nanos = new ArrayList<>(List.of(0L, 1_000_000L, 1_000_001L, 10_000_000_000L, 99_000_000_000L));
        for (int i = 0; i < 2_000; i++) {
            nanos.add((long) Math.exp(random.nextDouble() * 25)); // 1 ns to ~70 s, every bucket
        }
        for (long value : nanos) {
            cells.observe(row.currentStripe(), value);
            reference.labels("/a").observe(value / 1e9);
        }

        List<Sample> samples = new ArrayList<>();
        cells.addSamples(samples, "latency_seconds", List.of("route"), List.of("/a"), row.sums(), 1234.5);

        List<Sample> expected = reference.collect().get(0).samples;
        assertThat(samples).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Sample mine = samples.get(i);
            Sample theirs = expected.get(i);
            assertThat(mine.name).isEqualTo(theirs.name);
            assertThat(mine.labelNames).isEqualTo(theirs.labelNames);
            assertThat(mine.labelValues).isEqualTo(theirs.labelValues);
            if (theirs.name.endsWith("_created")) {
                assertThat(mine.value).isEqualTo(1234.5); // the series' own creation time, not the reference's
            } else {
                assertThat(mine.value).as(theirs.name + theirs.labelValues).isCloseTo(theirs.value, within(theirs.value));
            }
        }
    }

    @Test
    void aValueOnABoundCountsInThatBucket() {
        HistogramCells cells = new HistogramCells(new double[]{100, 1000}, 0, 1);
        StripedLongs row = new StripedLongs(cells.width());
        cells.observe(row.currentStripe(), 100);
        cells.observe(row.currentStripe(), 1001);

        assertThat(row.sums()).containsExactly(1, 0, 1, 1101);
    }

    @Test
    void boundsMustIncrease() {
        assertThatThrownBy(() -> new HistogramCells(new double[]{1, 1}, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must increase");
    }

    /** Counts must match exactly; sums may differ in the last bits (a long sum of nanoseconds against doubles). */
    private static Offset<Double> within(double value) {
        return Offset.offset(Math.abs(value) * 1e-12);
    }
}
