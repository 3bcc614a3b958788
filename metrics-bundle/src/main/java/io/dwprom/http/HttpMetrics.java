package io.dwprom.http;

import io.dwprom.core.BoundedChildren;
import io.dwprom.core.CardinalityGuard;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import io.prometheus.client.Histogram;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import static io.dwprom.core.Buckets.toArray;

/**
 * The HTTP request families, and the recorder the Jersey adapter feeds. It knows nothing of Jersey: labels
 * arrive already bounded ({@link HttpLabels}).
 *
 * <table>
 * <caption>Families</caption>
 * <tr><th>name</th><th>type</th><th>labels</th></tr>
 * <tr><td>http_requests_total</td><td>counter</td><td>method, path, status</td></tr>
 * <tr><td>http_request_duration_seconds</td><td>histogram</td><td>method, path</td></tr>
 * <tr><td>http_requests_in_flight</td><td>gauge</td><td>-</td></tr>
 * <tr><td>http_request_size_bytes</td><td>histogram</td><td>method, path</td></tr>
 * <tr><td>http_response_size_bytes</td><td>histogram</td><td>method, path</td></tr>
 * </table>
 */
public final class HttpMetrics {

    public static final String REQUESTS = "http_requests_total";
    public static final String DURATION = "http_request_duration_seconds";
    public static final String IN_FLIGHT = "http_requests_in_flight";
    public static final String REQUEST_SIZE = "http_request_size_bytes";
    public static final String RESPONSE_SIZE = "http_response_size_bytes";

    private final BoundedChildren<Counter.Child> requests;
    private final BoundedChildren<Histogram.Child> duration;
    private final Gauge inFlight;
    private final BoundedChildren<Histogram.Child> requestSize;
    private final BoundedChildren<Histogram.Child> responseSize;
    private final ConcurrentMap<String, ConcurrentMap<String, RouteSeries>> seriesByPathAndMethod =
            new ConcurrentHashMap<>();

    public HttpMetrics(CollectorRegistry registry, CardinalityGuard guard, List<Double> durationBuckets,
                       List<Double> sizeBuckets) {
        requests = new BoundedChildren<>(REQUESTS,
                Counter.build(REQUESTS, "HTTP requests served, by method, route template and status.")
                        .labelNames("method", "path", "status").register(registry), 3, guard);
        duration = new BoundedChildren<>(DURATION,
                Histogram.build(DURATION, "Time from the start of the request until its response was written.")
                        .labelNames("method", "path").buckets(toArray(durationBuckets)).register(registry), 2, guard);
        inFlight = Gauge.build(IN_FLIGHT, "HTTP requests being served now.").register(registry);
        requestSize = new BoundedChildren<>(REQUEST_SIZE, Histogram.build(REQUEST_SIZE, "HTTP request body size.")
                .labelNames("method", "path").buckets(toArray(sizeBuckets)).register(registry), 2, guard);
        responseSize = new BoundedChildren<>(RESPONSE_SIZE, Histogram.build(RESPONSE_SIZE, "HTTP response body size.")
                .labelNames("method", "path").buckets(toArray(sizeBuckets)).register(registry), 2, guard);
    }

    /** Marks a request as in flight; {@link InFlightRequest#finish} records it and ends the in-flight mark once. */
    public InFlightRequest start() {
        inFlight.inc();
        return new InFlightRequest(this, System.nanoTime());
    }

    /** Records a finished request; the in-flight mark ends last, so "none in flight" means "all recorded". */
    void record(String method, String path, String status, long elapsedNanos, long requestBytes, long responseBytes) {
        try {
            RouteSeries series = series(method, path);
            series.requests(status).inc();
            series.duration.observe(elapsedNanos / 1e9);
            series.requestSize.observe(requestBytes);
            series.responseSize.observe(responseBytes);
        } finally {
            inFlight.dec();
        }
    }

    /**
     * The series of one route and method, found by two lookups keyed by the label strings themselves (routes come
     * from the route cache and methods from a fixed set, so their hashes are cached and equality is usually
     * identity) instead of four lookups keyed by fresh label lists. Every new label set still passes the
     * {@link CardinalityGuard}; the cache holds only admitted series or the overflow ones, so it stays bounded.
     */
    private RouteSeries series(String method, String path) {
        ConcurrentMap<String, RouteSeries> byMethod = seriesByPathAndMethod.get(path);
        if (byMethod == null) {
            byMethod = seriesByPathAndMethod.computeIfAbsent(path, p -> new ConcurrentHashMap<>());
        }
        RouteSeries series = byMethod.get(method);
        return series != null ? series : byMethod.computeIfAbsent(method, m -> new RouteSeries(m, path));
    }

    /** The three histogram children of one (method, path), and its counter child per status. */
    private final class RouteSeries {

        private final String method;
        private final String path;
        private final Histogram.Child duration;
        private final Histogram.Child requestSize;
        private final Histogram.Child responseSize;
        private final ConcurrentMap<String, Counter.Child> requestsByStatus = new ConcurrentHashMap<>();

        RouteSeries(String method, String path) {
            this.method = method;
            this.path = path;
            this.duration = HttpMetrics.this.duration.labels(method, path);
            this.requestSize = HttpMetrics.this.requestSize.labels(method, path);
            this.responseSize = HttpMetrics.this.responseSize.labels(method, path);
        }

        Counter.Child requests(String status) {
            Counter.Child child = requestsByStatus.get(status);
            return child != null ? child
                    : requestsByStatus.computeIfAbsent(status, s -> HttpMetrics.this.requests.labels(method, path, s));
        }
    }
}
