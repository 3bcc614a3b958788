package io.dwprom.internal.exposition.protobuf;

import io.prometheus.client.Collector;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;
// client_java's generated client_model classes, in the package of the protobuf runtime it shades.
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_35_0.Metrics;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SampleFamilyEncoderTest {

    @Test
    void histogramSamplesOfSeveralSeriesInAnyOrderMakeOneMetricPerSeries() throws Exception {
        List<Sample> grouped = new ArrayList<>();
        grouped.addAll(histogramSeries("/a", 1, 3, 0.5));
        grouped.addAll(histogramSeries("/b", 2, 7, 4.0));
        List<Sample> interleaved = new ArrayList<>();
        for (int i = 0; i < grouped.size() / 2; i++) {
            interleaved.add(grouped.get(i));
            interleaved.add(grouped.get(grouped.size() / 2 + i));
        }

        for (List<Sample> samples : List.of(grouped, interleaved)) {
            Metrics.MetricFamily family = encoded(
                    new MetricFamilySamples("latency_seconds", Collector.Type.HISTOGRAM, "h", samples));

            assertThat(family.getType()).isEqualTo(Metrics.MetricType.HISTOGRAM);
            assertThat(family.getMetricCount()).isEqualTo(2);
            Metrics.Metric a = family.getMetric(0);
            Metrics.Metric b = family.getMetric(1);
            assertThat(a.getLabelList()).extracting(Metrics.LabelPair::getValue).containsExactly("GET", "/a");
            assertThat(b.getLabelList()).extracting(Metrics.LabelPair::getValue).containsExactly("GET", "/b");
            assertThat(a.getHistogram().getSampleCount()).isEqualTo(3);
            assertThat(a.getHistogram().getBucketList()).extracting(Metrics.Bucket::getCumulativeCount)
                    .containsExactly(1L, 3L);
            assertThat(a.getHistogram().getBucket(0).getUpperBound()).isEqualTo(0.1);
            assertThat(a.getHistogram().getSampleSum()).isEqualTo(0.5);
            assertThat(b.getHistogram().getSampleCount()).isEqualTo(7);
            assertThat(b.getHistogram().getBucketList()).extracting(Metrics.Bucket::getCumulativeCount)
                    .containsExactly(2L, 7L);
            assertThat(b.getHistogram().getSampleSum()).isEqualTo(4.0);
        }
    }

    @Test
    void summarySamplesWhoseLabelsDifferOnlyInOrderBelongToOneSeries() throws Exception {
        List<Sample> samples = List.of(
                new Sample("rpc_seconds", List.of("service", "quantile"), List.of("auth", "0.5"), 0.1),
                new Sample("rpc_seconds", List.of("quantile", "service"), List.of("0.9", "auth"), 0.3),
                new Sample("rpc_seconds_count", List.of("service"), List.of("auth"), 10),
                new Sample("rpc_seconds_sum", List.of("service"), List.of("auth"), 2.0));

        Metrics.MetricFamily family = encoded(
                new MetricFamilySamples("rpc_seconds", Collector.Type.SUMMARY, "h", samples));

        assertThat(family.getMetricCount()).isEqualTo(1);
        Metrics.Summary summary = family.getMetric(0).getSummary();
        assertThat(family.getMetric(0).getLabelList()).extracting(Metrics.LabelPair::getName)
                .containsExactly("service");
        assertThat(summary.getQuantileList()).extracting(Metrics.Quantile::getQuantile).containsExactly(0.5, 0.9);
        assertThat(summary.getQuantile(1).getValue()).isEqualTo(0.3);
        assertThat(summary.getSampleCount()).isEqualTo(10);
        assertThat(summary.hasCreatedTimestamp()).isFalse();
    }

    @Test
    void aSummaryWithoutSumLikeTheDropwizardBridgesGetsNoSum() throws Exception {
        Metrics.MetricFamily family = encoded(new MetricFamilySamples("jobs_seconds", Collector.Type.SUMMARY, "h",
                List.of(new Sample("jobs_seconds", List.of("quantile"), List.of("0.5"), 0.2),
                        new Sample("jobs_seconds_count", List.of(), List.of(), 4))));

        assertThat(family.getMetric(0).getSummary().hasSampleSum()).isFalse();
        assertThat(family.getMetric(0).getSummary().getSampleCount()).isEqualTo(4);
    }

    /** The samples of one series with buckets 0.1 and +Inf holding {@code first} and the rest of {@code count}. */
    private static List<Sample> histogramSeries(String path, long first, long count, double sum) {
        List<String> names = List.of("method", "path");
        List<String> values = List.of("GET", path);
        return List.of(
                new Sample("latency_seconds_bucket", List.of("method", "path", "le"), List.of("GET", path, "0.1"),
                        first),
                new Sample("latency_seconds_bucket", List.of("method", "path", "le"), List.of("GET", path, "+Inf"),
                        count),
                new Sample("latency_seconds_count", names, values, count),
                new Sample("latency_seconds_sum", names, values, sum));
    }

    private static Metrics.MetricFamily encoded(MetricFamilySamples family) throws Exception {
        WireBuffer out = new WireBuffer(64);
        new SampleFamilyEncoder(new ClientModelWriter(out)).encode(family);
        List<Metrics.MetricFamily> families = ClientModelReading.families(out.toByteArray());
        assertThat(families).hasSize(1);
        return families.get(0);
    }
}
