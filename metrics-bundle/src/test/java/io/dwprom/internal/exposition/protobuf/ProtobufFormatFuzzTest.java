package io.dwprom.internal.exposition.protobuf;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.dwprom.internal.core.NativeHistograms;
import io.prometheus.client.Collector;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import io.prometheus.client.exemplars.Exemplar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzzing of the protobuf encoder: for families shaped as simpleclient's collectors give them
 * (every type, any help, label values, values, counts, bounds, quantiles, timestamps and exemplars, a histogram's
 * or summary's samples in any order), the answer parses with client_java's generated classes and carries exactly
 * the samples of the text format. Strings are compared as UTF-8 carries them (an unpaired surrogate becomes
 * {@code ?}, as in the text formats).
 */
class ProtobufFormatFuzzTest {

    private static final Collector.Type[] TYPES = Collector.Type.values();

    @FuzzTest
    void anyCollectedFamiliesAreWrittenWithExactlyTheirSamples(FuzzedDataProvider data) throws IOException {
        List<MetricFamilySamples> families = new ArrayList<>();
        for (int f = data.consumeInt(1, 4); f > 0; f--) {
            families.add(family("f" + f, data.pickValue(TYPES), data));
        }

        byte[] answer = new ProtobufFormat(NativeHistograms.disabled(), true).render(families);

        List<String> expected = ClientModelReading.lines(families).stream().map(ProtobufFormatFuzzTest::asUtf8)
                .sorted().toList();
        List<String> written = ClientModelReading.protobufLines(ClientModelReading.families(answer)).stream()
                .sorted().toList();
        if (!written.equals(expected)) {
            throw new AssertionError("the protobuf answer's samples " + written + " are not the text's " + expected);
        }
    }

    private static MetricFamilySamples family(String name, Collector.Type type, FuzzedDataProvider data) {
        List<Sample> samples = new ArrayList<>();
        int series = data.consumeInt(0, 3);
        for (int s = 0; s < series; s++) {
            List<String> names = List.of("series", "value");
            List<String> values = List.of(Integer.toString(s), data.consumeString(20));
            switch (type) {
                case COUNTER -> {
                    samples.add(new Sample(name + "_total", names, values, data.consumeDouble(), exemplar(data),
                            timestamp(data)));
                    if (data.consumeBoolean()) {
                        samples.add(new Sample(name + "_created", names, values, created(data)));
                    }
                }
                case HISTOGRAM, GAUGE_HISTOGRAM -> histogram(name, type, names, values, data, samples);
                case SUMMARY -> summary(name, names, values, data, samples);
                case INFO -> samples.add(new Sample(name + "_info", names, values, 1));
                default -> samples.add(new Sample(name, names, values, data.consumeDouble(), timestamp(data)));
            }
        }
        return new MetricFamilySamples(name, type, data.consumeString(40), samples);
    }

    private static void histogram(String name, Collector.Type type, List<String> names, List<String> values,
                                  FuzzedDataProvider data, List<Sample> samples) {
        boolean gauge = type == Collector.Type.GAUGE_HISTOGRAM;
        List<String> withLe = List.of(names.get(0), names.get(1), "le");
        List<Sample> series = new ArrayList<>();
        long cumulative = 0;
        double bound = -data.consumeRegularDouble(0, 1e6);
        for (int b = data.consumeInt(0, 4); b >= 0; b--) {
            cumulative += data.consumeLong(0, 1L << 40);
            bound = b == 0 ? Double.POSITIVE_INFINITY : bound + data.consumeRegularDouble(1e-9, 1e6);
            series.add(new Sample(name + "_bucket", withLe, List.of(values.get(0), values.get(1),
                    Collector.doubleToGoString(bound)), cumulative, exemplar(data)));
        }
        series.add(new Sample(name + (gauge ? "_gcount" : "_count"), names, values, cumulative));
        series.add(new Sample(name + (gauge ? "_gsum" : "_sum"), names, values, data.consumeDouble()));
        if (!gauge && data.consumeBoolean()) {
            series.add(new Sample(name + "_created", names, values, created(data)));
        }
        addInAnyOrder(series, data, samples);
    }

    private static void summary(String name, List<String> names, List<String> values, FuzzedDataProvider data,
                                List<Sample> samples) {
        List<String> withQuantile = List.of(names.get(0), names.get(1), "quantile");
        List<Sample> series = new ArrayList<>();
        for (int q = data.consumeInt(0, 3); q > 0; q--) {
            series.add(new Sample(name, withQuantile, List.of(values.get(0), values.get(1),
                    Collector.doubleToGoString(data.consumeProbabilityDouble())), data.consumeDouble()));
        }
        series.add(new Sample(name + "_count", names, values, data.consumeLong(0, 1L << 40)));
        if (data.consumeBoolean()) {
            series.add(new Sample(name + "_sum", names, values, data.consumeDouble()));
        }
        if (data.consumeBoolean()) {
            series.add(new Sample(name + "_created", names, values, created(data)));
        }
        addInAnyOrder(series, data, samples);
    }

    /** A series' samples, rotated: a collector may give the count or sum before the buckets or quantiles. */
    private static void addInAnyOrder(List<Sample> series, FuzzedDataProvider data, List<Sample> samples) {
        int rotation = data.consumeInt(0, series.size() - 1);
        for (int i = 0; i < series.size(); i++) {
            samples.add(series.get((i + rotation) % series.size()));
        }
    }

    private static Exemplar exemplar(FuzzedDataProvider data) {
        if (!data.consumeBoolean()) {
            return null;
        }
        try {
            return data.consumeBoolean()
                    ? new Exemplar(data.consumeDouble(), data.consumeLong(0, 1L << 45), "trace_id",
                    data.consumeString(30))
                    : new Exemplar(data.consumeDouble(), "trace_id", data.consumeString(30));
        } catch (IllegalArgumentException refusedBySimpleclient) {
            return null; // longer than an exemplar may be
        }
    }

    private static Long timestamp(FuzzedDataProvider data) {
        return data.consumeBoolean() ? data.consumeLong() : null;
    }

    /** Created times as simpleclient gives them: milliseconds since the epoch, in seconds. */
    private static double created(FuzzedDataProvider data) {
        return data.consumeLong(0, 1L << 42) / 1000.0;
    }

    private static String asUtf8(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
