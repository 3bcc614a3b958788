package io.dwprom.scrape.parse;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusProtobufWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Scrapes made by a real producer, client_java 1.x: its registry with counters, gauges, summaries and histograms,
 * written by its protobuf writer (delimited MetricFamily messages) and its text writer (format 0.0.4).
 */
public final class ClientJavaScrapes {
    /** The classic histogram's bucket bounds; with {@code +Inf} they make 4 {@code _bucket} series per label set. */
    public static final double[] BUCKETS = {0.1, 1, 10};
    /** Label values of every labelled family. */
    public static final String[] PATHS = {"/a", "/b", "/c"};

    private final PrometheusRegistry registry = new PrometheusRegistry();

    private ClientJavaScrapes() {
    }

    /**
     * Counters, gauges, a summary and a classic-only histogram, each labelled by {@code path} ({@link #PATHS});
     * the gauge {@code queue_items_total} breaks the rule {@code non-counter-total-suffix} and the counter
     * {@code requestsHandled_total} the rule {@code camel-case}.
     */
    public static ClientJavaScrapes classic() {
        ClientJavaScrapes s = new ClientJavaScrapes();
        Counter requests = Counter.builder().name("http_requests_total").help("Requests handled.")
                .labelNames("path").register(s.registry);
        Counter camel = Counter.builder().name("requestsHandled_total").help("Requests, camel-cased.")
                .register(s.registry);
        Gauge queue = Gauge.builder().name("queue_items_total").help("Items waiting.").labelNames("path")
                .register(s.registry);
        Summary sizes = Summary.builder().name("response_size_bytes").help("Response sizes.").labelNames("path")
                .quantile(0.5, 0.01).quantile(0.99, 0.001).register(s.registry);
        Histogram latency = Histogram.builder().name("http_request_duration_seconds").help("Request latency.")
                .labelNames("path").classicOnly().classicUpperBounds(BUCKETS).register(s.registry);
        camel.inc();
        for (int i = 0; i < PATHS.length; i++) {
            requests.labelValues(PATHS[i]).inc(i + 1);
            queue.labelValues(PATHS[i]).set(i);
            sizes.labelValues(PATHS[i]).observe(100 * (i + 1));
            latency.labelValues(PATHS[i]).observe(0.5 * (i + 1));
        }
        return s;
    }

    /**
     * Histograms with native buckets, labelled by {@code path} ({@link #PATHS}): {@code native_only_seconds}
     * without classic buckets, {@code both_seconds} with {@link #BUCKETS} as well.
     */
    public static ClientJavaScrapes nativeHistograms() {
        ClientJavaScrapes s = new ClientJavaScrapes();
        Histogram nativeOnly = Histogram.builder().name("native_only_seconds").help("Native buckets only.")
                .labelNames("path").nativeOnly().register(s.registry);
        Histogram both = Histogram.builder().name("both_seconds").help("Native and classic buckets.")
                .labelNames("path").classicUpperBounds(BUCKETS).register(s.registry);
        for (int i = 0; i < PATHS.length; i++) {
            nativeOnly.labelValues(PATHS[i]).observe(0.25 * (i + 1));
            both.labelValues(PATHS[i]).observe(0.25 * (i + 1));
        }
        return s;
    }

    /** Delimited MetricFamily messages, as client_java serves them to a scraper asking for protobuf. */
    public byte[] protobuf() {
        return write(new PrometheusProtobufWriter());
    }

    /** The text format 0.0.4, as client_java serves it to a scraper asking for text. */
    public byte[] text() {
        return write(PrometheusTextFormatWriter.create());
    }

    private byte[] write(ExpositionFormatWriter writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(out, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
