package io.dwprom.internal.exposition.protobuf;

import io.dwprom.internal.core.NativeBuckets;
import io.dwprom.internal.core.NativeSeries;
import io.prometheus.metrics.expositionformats.PrometheusProtobufWriter;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_35_0.Metrics;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.Exemplar;
import io.prometheus.metrics.model.snapshots.Exemplars;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.NativeHistogramBuckets;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The encoder against client_java's protobuf writer, byte for byte, on random native histograms: spans with gaps
 * of every width, negative and positive bucket indexes, every schema, exemplars with and without timestamps, label
 * values beyond ASCII and messages longer than 127 bytes. (client_java writes no created time for histograms, so
 * the encoder leaves it out here.)
 */
class NativeFamilyEncoderTest {

    private static final double[] CLASSIC_BOUNDS = {0.005, 0.1, 1, Double.POSITIVE_INFINITY};
    private static final String[] LABEL_VALUES = {"/experiments/{id}", "/données/{id}", "/", "/\"quoted\"\n",
            "/" + "long".repeat(40), "/日本語"};

    @Test
    void randomNativeHistogramsAreWrittenByteForByteAsClientJavaWritesThem() throws Exception {
        Random random = new Random(20261205L);
        for (int round = 0; round < 300; round++) {
            List<NativeSeries> series = new ArrayList<>();
            int seriesCount = 1 + random.nextInt(4);
            for (int i = 0; i < seriesCount; i++) {
                series.add(randomSeries(random, i));
            }

            byte[] ours = ours(series);
            byte[] clientJava = clientJava(series);
            // the messages first, for a readable difference; then every byte
            assertThat(ClientModelReading.families(ours)).as("round %d", round)
                    .isEqualTo(ClientModelReading.families(clientJava));
            assertThat(ours).as("round %d", round).isEqualTo(clientJava);
        }
    }

    @Test
    void aSeriesWhoseNativeBucketsCouldNotBeReadIsWrittenWithItsClassicBucketsOnly() throws Exception {
        NativeSeries classicOnly = new NativeSeries(List.of("path"), List.of("/a"), CLASSIC_BOUNDS,
                new long[]{1, 2, 0, 0}, 0.2, 1_700_000_000.0, new io.prometheus.client.exemplars.Exemplar[4], null,
                0x1p-128);

        byte[] bytes = ours(List.of(classicOnly));

        assertThat(bytes).isEqualTo(clientJava(List.of(classicOnly)));
        Metrics.Histogram histogram = ClientModelReading.families(bytes).get(0).getMetric(0).getHistogram();
        assertThat(histogram.hasSchema()).isFalse();
        assertThat(histogram.getBucketCount()).isEqualTo(4);
    }

    @Test
    void createdTimesAreWrittenWhenCreatedSeriesAreOn() throws Exception {
        NativeSeries series = randomSeries(new Random(1), 0);
        WireBuffer out = new WireBuffer(64);
        new NativeFamilyEncoder(new ClientModelWriter(out), true).encode("d_seconds", "help", List.of(series));

        Metrics.Histogram histogram = ClientModelReading.families(out.toByteArray()).get(0).getMetric(0)
                .getHistogram();

        assertThat(histogram.getCreatedTimestamp().getSeconds()).isEqualTo((long) series.createdSeconds());
        assertThat(histogram.getCreatedTimestamp().getNanos()).isEqualTo(250_000_000);
    }

    /** A series whose labels sort by {@code index}, as client_java sorts the series of a family. */
    private static NativeSeries randomSeries(Random random, int index) {
        long[] classicCounts = new long[CLASSIC_BOUNDS.length];
        io.prometheus.client.exemplars.Exemplar[] exemplars =
                new io.prometheus.client.exemplars.Exemplar[CLASSIC_BOUNDS.length];
        for (int bucket = 0; bucket < classicCounts.length; bucket++) {
            classicCounts[bucket] = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(100_000);
            if (classicCounts[bucket] > 0 && random.nextBoolean()) {
                double lower = bucket == 0 ? 0 : CLASSIC_BOUNDS[bucket - 1];
                double value = bucket == classicCounts.length - 1 ? lower * 3 : (lower + CLASSIC_BOUNDS[bucket]) / 2;
                exemplars[bucket] = random.nextBoolean()
                        ? new io.prometheus.client.exemplars.Exemplar(value, 1_700_000_000_123L + random.nextInt(1000),
                        "trace_id", Long.toHexString(random.nextLong()))
                        : new io.prometheus.client.exemplars.Exemplar(value, "span_id", "ab");
            }
        }
        TreeSet<Integer> indexes = new TreeSet<>();
        int at = -30 + random.nextInt(40);
        int buckets = random.nextInt(25);
        for (int i = 0; i < buckets; i++) {
            indexes.add(at);
            at += 1 + (random.nextInt(4) == 0 ? random.nextInt(12) : random.nextInt(3));
        }
        int[] nativeIndexes = indexes.stream().mapToInt(Integer::intValue).toArray();
        long[] nativeCounts = new long[nativeIndexes.length];
        for (int i = 0; i < nativeCounts.length; i++) {
            nativeCounts[i] = 1 + random.nextInt(random.nextBoolean() ? 5 : 1_000_000);
        }
        int schema = -4 + random.nextInt(13);
        long zeroCount = random.nextInt(3);
        long classicTotal = Arrays.stream(classicCounts).sum();
        long nativeTotal = zeroCount + Arrays.stream(nativeCounts).sum();
        classicCounts[classicCounts.length - 1] += Math.max(0, nativeTotal - classicTotal);
        zeroCount += Math.max(0, classicTotal - nativeTotal);
        return new NativeSeries(List.of("method", "path"),
                List.of("M" + index, LABEL_VALUES[random.nextInt(LABEL_VALUES.length)]),
                CLASSIC_BOUNDS, classicCounts, random.nextDouble() * 1000, 1_700_000_000.25 + index, exemplars,
                new NativeBuckets.Snapshot(schema, zeroCount, nativeIndexes, nativeCounts),
                random.nextBoolean() ? 0x1p-128 : 0.0);
    }

    private static byte[] ours(List<NativeSeries> series) {
        WireBuffer out = new WireBuffer(64);
        new NativeFamilyEncoder(new ClientModelWriter(out), false).encode("http_request_duration_seconds",
                "Duration of HTTP requests in seconds, from the start of the request to the end of its response.",
                series);
        return out.toByteArray();
    }

    private static byte[] clientJava(List<NativeSeries> series) throws Exception {
        HistogramSnapshot.Builder snapshot = HistogramSnapshot.builder().name("http_request_duration_seconds")
                .help("Duration of HTTP requests in seconds, from the start of the request to the end of its "
                        + "response.");
        for (NativeSeries each : series) {
            List<Exemplar> exemplars = new ArrayList<>();
            for (io.prometheus.client.exemplars.Exemplar exemplar : each.exemplars()) {
                if (exemplar != null) {
                    Exemplar.Builder converted = Exemplar.builder().value(exemplar.getValue())
                            .labels(Labels.of(exemplar.getLabelName(0), exemplar.getLabelValue(0)));
                    if (exemplar.getTimestampMs() != null) {
                        converted.timestampMillis(exemplar.getTimestampMs());
                    }
                    exemplars.add(converted.build());
                }
            }
            HistogramSnapshot.HistogramDataPointSnapshot.Builder point = HistogramSnapshot.HistogramDataPointSnapshot
                    .builder()
                    .labels(Labels.of(each.labelNames(), each.labelValues()))
                    .classicHistogramBuckets(ClassicHistogramBuckets.of(each.upperBounds(), each.bucketCounts()))
                    .sum(each.sum())
                    .exemplars(Exemplars.of(exemplars));
            if (each.buckets() != null) {
                point.nativeSchema(each.buckets().schema())
                        .nativeZeroCount(each.buckets().zeroCount())
                        .nativeZeroThreshold(each.zeroThreshold())
                        .nativeBucketsForPositiveValues(NativeHistogramBuckets.of(each.buckets().indexes(),
                                each.buckets().counts()));
            }
            snapshot.dataPoint(point.build());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new PrometheusProtobufWriter().write(bytes, MetricSnapshots.of(snapshot.build()));
        return bytes.toByteArray();
    }
}
