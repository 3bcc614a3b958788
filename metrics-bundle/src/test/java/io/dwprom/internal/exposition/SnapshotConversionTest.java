package io.dwprom.internal.exposition;

import io.prometheus.client.Collector;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotConversionTest {

    @Test
    void histogramSamplesOfSeveralSeriesInAnyOrderMakeOneDataPointPerSeries() {
        List<Sample> grouped = new ArrayList<>();
        grouped.addAll(histogramSeries("/a", 1, 3, 0.5));
        grouped.addAll(histogramSeries("/b", 2, 7, 4.0));
        List<Sample> interleaved = new ArrayList<>();
        for (int i = 0; i < grouped.size() / 2; i++) {
            interleaved.add(grouped.get(i));
            interleaved.add(grouped.get(grouped.size() / 2 + i));
        }

        for (List<Sample> samples : List.of(grouped, interleaved)) {
            HistogramSnapshot snapshot = (HistogramSnapshot) SnapshotConversion.of(
                    new MetricFamilySamples("latency_seconds", Collector.Type.HISTOGRAM, "h", samples));

            assertThat(snapshot.getDataPoints()).hasSize(2);
            HistogramSnapshot.HistogramDataPointSnapshot a = snapshot.getDataPoints().get(0);
            HistogramSnapshot.HistogramDataPointSnapshot b = snapshot.getDataPoints().get(1);
            assertThat((Object) a.getLabels()).isEqualTo(Labels.of("method", "GET", "path", "/a"));
            assertThat((Object) b.getLabels()).isEqualTo(Labels.of("method", "GET", "path", "/b"));
            assertThat(a.getCount()).isEqualTo(3);
            assertThat(a.getClassicBuckets().getCount(0)).isEqualTo(1);
            assertThat(a.getClassicBuckets().getCount(1)).isEqualTo(2);
            assertThat(a.getSum()).isEqualTo(0.5);
            assertThat(b.getCount()).isEqualTo(7);
            assertThat(b.getClassicBuckets().getCount(0)).isEqualTo(2);
            assertThat(b.getClassicBuckets().getCount(1)).isEqualTo(5);
            assertThat(b.getSum()).isEqualTo(4.0);
        }
    }

    @Test
    void summarySamplesWhoseLabelsDifferOnlyInOrderBelongToOneSeries() {
        List<Sample> samples = List.of(
                new Sample("rpc_seconds", List.of("service", "quantile"), List.of("auth", "0.5"), 0.1),
                new Sample("rpc_seconds", List.of("quantile", "service"), List.of("0.9", "auth"), 0.3),
                new Sample("rpc_seconds_count", List.of("service"), List.of("auth"), 10),
                new Sample("rpc_seconds_sum", List.of("service"), List.of("auth"), 2.0));

        SummarySnapshot snapshot = (SummarySnapshot) SnapshotConversion.of(
                new MetricFamilySamples("rpc_seconds", Collector.Type.SUMMARY, "h", samples));

        assertThat(snapshot.getDataPoints()).hasSize(1);
        SummarySnapshot.SummaryDataPointSnapshot series = snapshot.getDataPoints().get(0);
        assertThat((Object) series.getLabels()).isEqualTo(Labels.of("service", "auth"));
        assertThat(series.getQuantiles().size()).isEqualTo(2);
        assertThat(series.getQuantiles().get(1).getValue()).isEqualTo(0.3);
        assertThat(series.getCount()).isEqualTo(10);
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
}
