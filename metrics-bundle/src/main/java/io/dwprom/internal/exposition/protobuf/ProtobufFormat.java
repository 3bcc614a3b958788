package io.dwprom.internal.exposition.protobuf;

import io.dwprom.internal.core.NativeHistogramFamily;
import io.dwprom.internal.core.NativeHistograms;
import io.prometheus.client.Collector.MetricFamilySamples;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders collected families in the Prometheus protobuf format, a length-delimited {@code MetricFamily} per family,
 * in the order they were collected: every family with the samples the text formats show, except that a family
 * with native buckets is read from its {@link NativeHistogramFamily}, classic and native buckets together.
 */
public final class ProtobufFormat {

    /** The content type of the answer, as Prometheus asks for it. */
    public static final String CONTENT_TYPE = "application/vnd.google.protobuf; "
            + "proto=io.prometheus.client.MetricFamily; encoding=delimited";

    private final NativeHistograms natives;
    private final boolean createdSeries;
    /** Length of the previous answer, to size the next one's buffer without regrowing. */
    private volatile int lastLength = 16 * 1024;

    /** @param createdSeries whether the series of native families carry their created time */
    public ProtobufFormat(NativeHistograms natives, boolean createdSeries) {
        this.natives = natives;
        this.createdSeries = createdSeries;
    }

    /** The delimited {@code MetricFamily} messages of {@code families}. */
    public byte[] render(List<MetricFamilySamples> families) {
        Map<String, NativeHistogramFamily> nativeByName = new HashMap<>();
        for (NativeHistogramFamily family : natives.families()) {
            nativeByName.put(family.name(), family);
        }
        int expected = lastLength;
        WireBuffer out = new WireBuffer(expected + expected / 8);
        ClientModelWriter model = new ClientModelWriter(out);
        SampleFamilyEncoder samples = new SampleFamilyEncoder(model);
        NativeFamilyEncoder nativeFamilies = new NativeFamilyEncoder(model, createdSeries);
        for (MetricFamilySamples family : families) {
            NativeHistogramFamily withNative = nativeByName.get(family.name);
            if (withNative == null) {
                samples.encode(family);
            } else {
                nativeFamilies.encode(withNative.name(), withNative.help(), withNative.nativeSeries());
            }
        }
        lastLength = out.length();
        return out.toByteArray();
    }
}
