package io.dwprom.internal.exposition;

import io.dwprom.internal.core.NativeHistograms;
import io.dwprom.internal.core.RateLimitedLog;
import io.dwprom.internal.core.ScrapeBarrier;
import io.dwprom.internal.exposition.protobuf.ProtobufFormat;
import io.dwprom.metrics.MetricsException;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.exporter.common.TextFormat;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Serves the registry in the Prometheus text format 0.0.4, or OpenMetrics 1.0 when the scraper's Accept header
 * asks for it, using simpleclient's own {@link TextFormat}. {@code ?name[]=family} narrows the output. The
 * families are collected while no batch is half applied ({@link ScrapeBarrier}) and rendered fully before the
 * first byte is sent, so a failure answers a clean 500 naming the cause, counted in
 * {@code dwprom_scrape_errors_total} and logged at most once a minute; the next scrape starts afresh. With
 * {@link EndpointAccess} credentials set, a request without them gets 401. A query string that cannot be decoded
 * gets 400 and is no failed scrape. Without created series, the
 * {@code _created} samples of counter, histogram and summary families (the bundle's own and simpleclient's) are
 * left out of the rendering. With {@link NativeHistograms} enabled, a scraper whose Accept header prefers the
 * Prometheus protobuf format ({@link AcceptHeader}) gets it ({@link ProtobufFormat}), with native and classic
 * buckets for the histograms that keep both; the text formats are the same either way.
 */
public final class PrometheusServlet extends HttpServlet {

    public static final String SCRAPE_ERRORS = "dwprom_scrape_errors_total";
    private static final Logger LOG = LoggerFactory.getLogger(PrometheusServlet.class);

    private final transient CollectorRegistry registry;
    private final transient ScrapeBarrier barrier;
    private final transient EndpointAccess access;
    private final boolean createdSeries;
    private final transient NativeHistograms natives;
    private final transient ProtobufFormat protobuf;
    private final transient Counter scrapeErrors;
    private final transient RateLimitedLog failureLog = new RateLimitedLog(1, TimeUnit.MINUTES);
    /** Length of the previous exposition, to size the next one's buffer without regrowing. */
    private volatile int lastLength = 16 * 1024;

    /** An endpoint rendering every sample the collectors give, {@code _created} ones included. */
    public PrometheusServlet(CollectorRegistry registry, ScrapeBarrier barrier, EndpointAccess access) {
        this(registry, barrier, access, true);
    }

    /** @param createdSeries whether {@code _created} samples of counters, histograms and summaries are rendered */
    public PrometheusServlet(CollectorRegistry registry, ScrapeBarrier barrier, EndpointAccess access,
                             boolean createdSeries) {
        this(registry, barrier, access, createdSeries, NativeHistograms.disabled());
    }

    /** @param natives the families with native buckets; when enabled, the protobuf format is offered */
    public PrometheusServlet(CollectorRegistry registry, ScrapeBarrier barrier, EndpointAccess access,
                             boolean createdSeries, NativeHistograms natives) {
        this.natives = natives;
        this.protobuf = new ProtobufFormat(natives, createdSeries);
        this.createdSeries = createdSeries;
        this.registry = registry;
        this.barrier = barrier;
        this.access = access;
        this.scrapeErrors = Counter.build(SCRAPE_ERRORS, "Scrapes of this endpoint that failed while rendering.")
                .register(registry);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!access.permits(request.getHeader("Authorization"))) {
            response.setHeader("WWW-Authenticate", access.challenge());
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Scraping this endpoint needs credentials");
            return;
        }
        Set<String> names;
        try {
            names = requestedNames(request);
        } catch (RuntimeException malformed) {
            // The container decodes the query string on first use; one it cannot decode is the scraper's error.
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Malformed query string");
            return;
        }
        String accept = request.getHeader("Accept");
        String contentType = natives.isEnabled() && AcceptHeader.prefersProtobuf(accept)
                ? ProtobufFormat.CONTENT_TYPE : TextFormat.chooseContentType(accept);
        boolean asProtobuf = contentType.equals(ProtobufFormat.CONTENT_TYPE);
        String text = null;
        byte[] bytes = null;
        try {
            List<MetricFamilySamples> families = collect(names);
            if (asProtobuf) {
                bytes = protobuf.render(families);
            } else {
                text = renderText(contentType, families);
            }
        } catch (RuntimeException | IOException failure) {
            scrapeErrors.inc();
            MetricsException error = new MetricsException(MetricsException.Kind.RENDER_FAILED,
                    "Rendering the metrics failed: " + failure, failure);
            if (failureLog.shouldLog("scrape")) {
                LOG.error("Scrape of {} failed (further failures counted in {}, logged once a minute)",
                        request.getRequestURI(), SCRAPE_ERRORS, error);
            }
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, error.getMessage());
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(contentType);
        if (asProtobuf) {
            try (OutputStream out = response.getOutputStream()) {
                out.write(bytes);
            }
        } else {
            try (Writer writer = response.getWriter()) {
                writer.write(text);
            }
        }
    }

    private List<MetricFamilySamples> collect(Set<String> names) {
        List<MetricFamilySamples> collected = barrier.collect(
                () -> Collections.list(registry.filteredMetricFamilySamples(names)));
        return createdSeries ? collected : CreatedSamples.without(collected);
    }

    private String renderText(String contentType, List<MetricFamilySamples> families) throws IOException {
        int expected = lastLength;
        StringBuilderWriter text = new StringBuilderWriter(expected + expected / 8);
        TextFormat.writeFormat(contentType, text, Collections.enumeration(families));
        lastLength = text.length();
        return text.toString();
    }

    private static Set<String> requestedNames(HttpServletRequest request) {
        String[] names = request.getParameterValues("name[]");
        return names == null ? Collections.emptySet() : new HashSet<>(List.of(names));
    }
}
