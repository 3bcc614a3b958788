package io.dwprom.benchmarks.prototype;

import io.dwprom.core.ScrapeBarrier;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;

import java.io.IOException;
import java.io.Writer;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * PROTOTYPE, benchmarks only: {@code PrometheusServlet.render} with the fix proposed in BENCHMARKS.md. The
 * bundle renders into a {@code StringWriter}, whose {@code StringBuffer} takes a lock on every one of the ~10
 * appends per sample line and starts at 16 KB, doubling (and copying) its way to the final size. Here the text
 * goes into an unsynchronised {@link StringBuilder} presized from the previous scrape. The rest (collection under
 * the barrier, full rendering before the first byte is sent) is unchanged.
 */
public final class UnsynchronizedRender {

    private final CollectorRegistry registry;
    private final ScrapeBarrier barrier;
    private volatile int lastLength = 16 * 1024;

    public UnsynchronizedRender(CollectorRegistry registry, ScrapeBarrier barrier) {
        this.registry = registry;
        this.barrier = barrier;
    }

    public String render(String contentType, Set<String> names) throws IOException {
        List<MetricFamilySamples> families = barrier.collect(
                () -> Collections.list(registry.filteredMetricFamilySamples(names)));
        StringBuilderWriter text = new StringBuilderWriter(lastLength + lastLength / 8);
        TextFormat.writeFormat(contentType, text, Collections.enumeration(families));
        lastLength = text.builder.length();
        return text.builder.toString();
    }

    static final class StringBuilderWriter extends Writer {
        final StringBuilder builder;

        StringBuilderWriter(int capacity) {
            builder = new StringBuilder(capacity);
        }

        @Override
        public void write(char[] buffer, int offset, int length) {
            builder.append(buffer, offset, length);
        }

        @Override
        public void write(String text) {
            builder.append(text);
        }

        @Override
        public void write(String text, int offset, int length) {
            builder.append(text, offset, offset + length);
        }

        @Override
        public void write(int c) {
            builder.append((char) c);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
