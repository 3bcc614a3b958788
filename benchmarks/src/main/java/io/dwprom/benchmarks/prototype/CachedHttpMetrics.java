package io.dwprom.benchmarks.prototype;

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
 * PROTOTYPE, benchmarks only: {@code io.dwprom.http.HttpMetrics} with the fix proposed in BENCHMARKS.md.
 * The families are built exactly as the bundle builds them; {@link #record} differs. The bundle's record does
 * four label lookups per request (the counter and three histograms), each hashing and comparing a fresh
 * {@code Arrays.asList} key element by element through list iterators. Here the series of one
 * (path, method) are resolved once into a {@link RouteSeries} and found again by two lookups keyed by the label
 * strings themselves (route strings come from the route cache and methods from a fixed set, so equality is
 * usually identity and hashes are cached in the strings), plus one for the status: no key allocation, one
 * lookup per label instead of four list comparisons. The cardinality guard still decides every new label set
 * (the children come from {@link BoundedChildren}), and the caches hold only label sets the guard admitted, or
 * the overflow children.
 */
public final class CachedHttpMetrics {

    private final BoundedChildren<Counter.Child> requests;
    private final BoundedChildren<Histogram.Child> duration;
    private final Gauge inFlight;
    private final BoundedChildren<Histogram.Child> requestSize;
    private final BoundedChildren<Histogram.Child> responseSize;
    private final ConcurrentMap<String, ConcurrentMap<String, RouteSeries>> byPathThenMethod = new ConcurrentHashMap<>();

    public CachedHttpMetrics(CollectorRegistry registry, CardinalityGuard guard, List<Double> durationBuckets,
                             List<Double> sizeBuckets) {
        requests = new BoundedChildren<>("http_requests_total",
                Counter.build("http_requests_total", "HTTP requests served, by method, route template and status.")
                        .labelNames("method", "path", "status").register(registry), 3, guard);
        duration = new BoundedChildren<>("http_request_duration_seconds",
                Histogram.build("http_request_duration_seconds", "Time from the start of the request until its response was written.")
                        .labelNames("method", "path").buckets(toArray(durationBuckets)).register(registry), 2, guard);
        inFlight = Gauge.build("http_requests_in_flight", "HTTP requests being served now.").register(registry);
        requestSize = new BoundedChildren<>("http_request_size_bytes", Histogram.build("http_request_size_bytes", "HTTP request body size.")
                .labelNames("method", "path").buckets(toArray(sizeBuckets)).register(registry), 2, guard);
        responseSize = new BoundedChildren<>("http_response_size_bytes", Histogram.build("http_response_size_bytes", "HTTP response body size.")
                .labelNames("method", "path").buckets(toArray(sizeBuckets)).register(registry), 2, guard);
    }

    public long start() {
        inFlight.inc();
        return System.nanoTime();
    }

    public void finish(String method, String path, String status, long startNanos, long requestBytes,
                       long responseBytes) {
        inFlight.dec();
        RouteSeries series = series(method, path);
        series.requests(status).inc();
        series.duration.observe((System.nanoTime() - startNanos) / 1e9);
        series.requestSize.observe(requestBytes);
        series.responseSize.observe(responseBytes);
    }

    private RouteSeries series(String method, String path) {
        ConcurrentMap<String, RouteSeries> byMethod = byPathThenMethod.get(path);
        if (byMethod == null) {
            byMethod = byPathThenMethod.computeIfAbsent(path, p -> new ConcurrentHashMap<>());
        }
        RouteSeries series = byMethod.get(method);
        if (series == null) {
            series = byMethod.computeIfAbsent(method, m -> new RouteSeries(m, path));
        }
        return series;
    }

    /** The series of one (method, path): three histogram children, and the counter child of each status. */
    private final class RouteSeries {
        final String method;
        final String path;
        final Histogram.Child duration;
        final Histogram.Child requestSize;
        final Histogram.Child responseSize;
        final ConcurrentMap<String, Counter.Child> byStatus = new ConcurrentHashMap<>();

        RouteSeries(String method, String path) {
            this.method = method;
            this.path = path;
            this.duration = CachedHttpMetrics.this.duration.labels(method, path);
            this.requestSize = CachedHttpMetrics.this.requestSize.labels(method, path);
            this.responseSize = CachedHttpMetrics.this.responseSize.labels(method, path);
        }

        Counter.Child requests(String status) {
            Counter.Child child = byStatus.get(status);
            return child != null ? child : byStatus.computeIfAbsent(status, s -> requests.labels(method, path, s));
        }
    }
}
