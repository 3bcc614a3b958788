package io.dwprom.internal.exposition;

import io.dwprom.internal.core.NativeHistogramFamily;
import io.dwprom.internal.core.NativeHistograms;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.metrics.expositionformats.PrometheusProtobufWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Renders collected families in the Prometheus protobuf format with client_java's writer: every family as the
 * text formats show it, except that a family with native buckets is read from its
 * {@link NativeHistogramFamily}, classic and native buckets together.
 */
final class ProtobufFormat {

    static final String CONTENT_TYPE = PrometheusProtobufWriter.CONTENT_TYPE;

    private final PrometheusProtobufWriter writer = new PrometheusProtobufWriter();
    private final NativeHistograms natives;
    /** Length of the previous answer, to size the next one's buffer without regrowing. */
    private volatile int lastLength = 16 * 1024;

    ProtobufFormat(NativeHistograms natives) {
        this.natives = natives;
    }

    /** The delimited {@code MetricFamily} messages of {@code families}, sorted by name as the writer sorts them. */
    byte[] render(List<MetricFamilySamples> families) throws IOException {
        Map<String, NativeHistogramFamily> nativeByName = natives.families().stream()
                .collect(Collectors.toMap(NativeHistogramFamily::name, Function.identity()));
        List<MetricSnapshot> snapshots = new ArrayList<>(families.size());
        for (MetricFamilySamples family : families) {
            NativeHistogramFamily withNative = nativeByName.get(family.name);
            snapshots.add(withNative == null ? SnapshotConversion.of(family)
                    : SnapshotConversion.of(withNative.name(), withNative.help(), withNative.nativeSeries()));
        }
        int expected = lastLength;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(expected + expected / 8);
        writer.write(bytes, new MetricSnapshots(snapshots));
        lastLength = bytes.size();
        return bytes.toByteArray();
    }
}
