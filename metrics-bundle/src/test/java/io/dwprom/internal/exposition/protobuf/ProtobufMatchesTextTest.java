package io.dwprom.internal.exposition.protobuf;

import io.dwprom.internal.core.CardinalityGuard;
import io.dwprom.internal.core.NativeHistogramSettings;
import io.dwprom.internal.core.NativeHistograms;
import io.dwprom.internal.http.HttpMetricsTestAccess;
import io.prometheus.client.Collector;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Enumeration;
import io.prometheus.client.Gauge;
import io.prometheus.client.Histogram;
import io.prometheus.client.Info;
import io.prometheus.client.Summary;
// client_java's generated client_model classes, in the package of the protobuf runtime it shades.
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_35_0.Metrics;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The protobuf answer carries exactly the samples the text formats show, exemplars and created times included,
 * for every type of family simpleclient collects and for the bundle's families with native buckets: the parsed
 * answer, written back as text sample lines, equals the collected samples.
 */
class ProtobufMatchesTextTest {

    private static final NativeHistogramSettings SETTINGS = new NativeHistogramSettings(3, 160, 0x1p-128);
    private static final String[] VALUES = {"GET", "/données", "a \"quoted\" value", "two\nlines", "back\\slash",
            "日本語", "", "x".repeat(300)};

    @Test
    void everyTypeOfFamilyCarriesTheSamplesOfTheText() throws Exception {
        for (long seed = 0; seed < 20; seed++) {
            CollectorRegistry registry = randomRegistry(new Random(seed));
            List<MetricFamilySamples> collected = Collections.list(registry.metricFamilySamples());

            byte[] answer = new ProtobufFormat(NativeHistograms.disabled(), true).render(collected);

            List<Metrics.MetricFamily> families = ClientModelReading.families(answer);
            assertThat(ClientModelReading.protobufLines(families)).as("seed %d", seed)
                    .containsExactlyInAnyOrderElementsOf(ClientModelReading.lines(collected));
            assertThat(families).extracting(Metrics.MetricFamily::getName).doesNotHaveDuplicates()
                    .contains("jobs_total", "build_info", "state", "queue_size", "job_bytes", "latency_seconds",
                            "raw", "queue_bytes");
        }
    }

    @Test
    void aFamilyWithNativeBucketsCarriesTheClassicSamplesOfTheTextBesideThem() throws Exception {
        NativeHistograms natives = NativeHistograms.enabled(SETTINGS);
        CollectorRegistry registry = new CollectorRegistry();
        HttpMetricsTestAccess.recordPinnedRequests(registry, new CardinalityGuard(registry, 100), natives, null);
        List<MetricFamilySamples> collected = Collections.list(registry.metricFamilySamples());

        List<Metrics.MetricFamily> families = ClientModelReading.families(
                new ProtobufFormat(natives, true).render(collected));

        assertThat(ClientModelReading.protobufLines(families))
                .containsExactlyInAnyOrderElementsOf(ClientModelReading.lines(collected));
        Metrics.MetricFamily duration = families.stream()
                .filter(family -> family.getName().equals("http_request_duration_seconds")).findFirst().orElseThrow();
        assertThat(duration.getMetricList()).allSatisfy(series ->
                assertThat(series.getHistogram().getPositiveSpanCount()).isEqualTo(1));
    }

    @Test
    void familiesWithoutSamplesAreLeftOut() throws Exception {
        CollectorRegistry registry = new CollectorRegistry();
        Counter.build("unused_total", "Never incremented.").labelNames("kind").register(registry);

        byte[] answer = new ProtobufFormat(NativeHistograms.disabled(), true)
                .render(Collections.list(registry.metricFamilySamples()));

        assertThat(answer).isEmpty();
    }

    /** One family of each type simpleclient collects, with random label values and observations. */
    private static CollectorRegistry randomRegistry(Random random) {
        CollectorRegistry registry = new CollectorRegistry();
        Counter jobs = Counter.build("jobs_total", "Jobs " + "done ".repeat(random.nextInt(60)))
                .labelNames("kind", "queue").withExemplars().register(registry);
        Gauge queue = Gauge.build("queue_size", "Queue.").labelNames("queue").register(registry);
        Summary bytes = Summary.build("job_bytes", "Job size.").labelNames("kind").quantile(0.5, 0.05)
                .quantile(0.99, 0.001).register(registry);
        Histogram latency = Histogram.build("latency_seconds", "Latency.").labelNames("path")
                .buckets(0.01, 0.1, 1).withExemplars().register(registry);
        Info.build("build", "Build.").register(registry).info("version", pick(random), "commit", pick(random));
        Enumeration.build("state", "State.").states("starting", "running", "stopping").register(registry)
                .state(random.nextBoolean() ? "running" : "stopping");
        int series = 1 + random.nextInt(200);
        for (int i = 0; i < series; i++) {
            String value = pick(random) + i;
            jobs.labels(pick(random), value).incWithExemplar(random.nextInt(1000), "trace_id", Long.toHexString(i));
            queue.labels(value).set(random.nextGaussian() * 1e6);
            bytes.labels(value).observe(random.nextDouble() * 100);
            latency.labels(value).observeWithExemplar(random.nextDouble() * 2, "trace_id",
                    Long.toHexString(random.nextLong()));
        }
        new UntypedAndGaugeHistogram(random).register(registry);
        return registry;
    }

    private static String pick(Random random) {
        return VALUES[random.nextInt(VALUES.length)];
    }

    /** The types simpleclient's own metrics do not make, as a custom collector gives them, with timestamps. */
    private static final class UntypedAndGaugeHistogram extends Collector {

        private final Random random;

        UntypedAndGaugeHistogram(Random random) {
            this.random = random;
        }

        @Override
        public List<MetricFamilySamples> collect() {
            List<Sample> raw = new ArrayList<>();
            List<Sample> gaugeHistogram = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                List<String> labels = List.of(pick(random) + i);
                raw.add(new Sample("raw", List.of("source"), labels, random.nextDouble(),
                        random.nextBoolean() ? 1_700_000_000_000L + i : null));
                long below = random.nextInt(10);
                gaugeHistogram.add(new Sample("queue_bytes_bucket", List.of("queue", "le"), List.of(labels.get(0),
                        "1024.0"), below));
                gaugeHistogram.add(new Sample("queue_bytes_bucket", List.of("queue", "le"), List.of(labels.get(0),
                        "+Inf"), below + 3));
                gaugeHistogram.add(new Sample("queue_bytes_gcount", List.of("queue"), labels, below + 3));
                gaugeHistogram.add(new Sample("queue_bytes_gsum", List.of("queue"), labels, 5000.5));
            }
            return List.of(new MetricFamilySamples("raw", Type.UNKNOWN, "Raw.", raw),
                    new MetricFamilySamples("queue_bytes", Type.GAUGE_HISTOGRAM, "Queue bytes.", gaugeHistogram));
        }
    }
}
