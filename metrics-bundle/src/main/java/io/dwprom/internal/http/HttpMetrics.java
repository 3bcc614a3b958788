package io.dwprom.internal.http;

import io.dwprom.internal.core.CardinalityGuard;
import io.dwprom.internal.core.LabelSetBudget;
import io.dwprom.internal.core.NativeHistogramFamily;
import io.dwprom.internal.core.NativeHistograms;
import io.dwprom.internal.core.NativeSeries;
import io.dwprom.internal.core.StripedLongs;
import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exemplars.HistogramExemplarSampler;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

import static io.dwprom.internal.core.Buckets.toArray;

/**
 * The HTTP request families, and the recorder {@link HttpMetricsFilter} feeds. It knows nothing of servlets or
 * Jersey: labels arrive already bounded ({@link HttpLabels}).
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
 *
 * <p>These families are kept in per-thread striped rows ({@link RouteSeries}) rather than simpleclient children,
 * because they are written on every request by many pool threads at once: in the packaged demo under load, eight
 * simpleclient adder writes per request cost several times what they cost in a microbenchmark, their cache lines
 * moving between cores (BENCHMARKS.md). They are exposed as simpleclient's {@code Counter}, {@code Histogram} and
 * {@code Gauge} expose theirs, through a {@link Collector}, so the text and OpenMetrics formats are unchanged.
 * Given an exemplar sampler, {@value #DURATION} buckets carry exemplars of the requests' traces. With
 * {@link NativeHistograms} enabled, {@value #DURATION} keeps native buckets too, served by the protobuf format.
 */
public final class HttpMetrics extends Collector implements Collector.Describable, NativeHistogramFamily {

    public static final String REQUESTS = "http_requests_total";
    public static final String DURATION = "http_request_duration_seconds";
    public static final String IN_FLIGHT = "http_requests_in_flight";
    public static final String REQUEST_SIZE = "http_request_size_bytes";
    public static final String RESPONSE_SIZE = "http_response_size_bytes";
    /** The counter family's name: its samples are {@value #REQUESTS} and {@code http_requests_created}. */
    static final String REQUESTS_FAMILY = "http_requests";

    private static final String REQUESTS_HELP = "HTTP requests served, by method, route template and status.";
    private static final String DURATION_HELP = "Time from the start of the request until its response was written.";
    private static final String IN_FLIGHT_HELP = "HTTP requests being served now.";
    private static final String REQUEST_SIZE_HELP = "HTTP request body size.";
    private static final String RESPONSE_SIZE_HELP = "HTTP response body size.";
    private static final List<String> OVERFLOW_REQUEST_LABELS =
            List.of(CardinalityGuard.OVERFLOW, CardinalityGuard.OVERFLOW, CardinalityGuard.OVERFLOW);
    private static final int STARTED = 0;
    private static final int FINISHED = 1;

    private final RouteSeries.Layout layout;
    private final LabelSetBudget routes;
    private final LabelSetBudget requestLabelSets;
    private final StripedLongs inFlight = new StripedLongs(2);
    private final LongAdder overflowRequests = new LongAdder();
    private final HistogramExemplarSampler exemplarSampler;
    private final double createdSeconds = System.currentTimeMillis() / 1000.0;
    private final ConcurrentMap<String, ConcurrentMap<String, RouteSeries>> seriesByPathAndMethod =
            new ConcurrentHashMap<>();
    private final List<RouteSeries> seriesInCreationOrder = new CopyOnWriteArrayList<>();
    private RouteSeries overflowRoute;

    /** Recorders without exemplars. */
    public HttpMetrics(CollectorRegistry registry, CardinalityGuard guard, List<Double> durationBuckets,
                       List<Double> sizeBuckets) {
        this(registry, guard, durationBuckets, sizeBuckets, null);
    }

    /** @param exemplarSampler samples the exemplars of {@value #DURATION}; null for none */
    public HttpMetrics(CollectorRegistry registry, CardinalityGuard guard, List<Double> durationBuckets,
                       List<Double> sizeBuckets, HistogramExemplarSampler exemplarSampler) {
        this(registry, guard, durationBuckets, sizeBuckets, exemplarSampler, NativeHistograms.disabled());
    }

    /** As the constructor above; with {@code natives} enabled, {@value #DURATION} keeps native buckets too. */
    public HttpMetrics(CollectorRegistry registry, CardinalityGuard guard, List<Double> durationBuckets,
                       List<Double> sizeBuckets, HistogramExemplarSampler exemplarSampler, NativeHistograms natives) {
        this.exemplarSampler = exemplarSampler;
        this.layout = RouteSeries.Layout.of(toArray(durationBuckets), toArray(sizeBuckets),
                natives.settings().orElse(null));
        this.routes = guard.budget(DURATION, REQUEST_SIZE, RESPONSE_SIZE);
        this.requestLabelSets = guard.budget(REQUESTS);
        register(registry);
        if (natives.isEnabled()) {
            natives.register(this);
        }
    }

    /** Marks a request as in flight; {@link InFlightRequest#finish} records it and ends the in-flight mark once. */
    public InFlightRequest start() {
        inFlight.currentStripe().add(STARTED, 1);
        return new InFlightRequest(this, System.nanoTime());
    }

    /** Records a finished request; the in-flight mark ends last, so "none in flight" means "all recorded". */
    void record(String method, String path, String status, long elapsedNanos, long requestBytes, long responseBytes) {
        RouteSeries series;
        try {
            series = series(method, path);
        } catch (RuntimeException failure) {
            endInFlight();
            throw failure;
        }
        record(series, status, elapsedNanos, requestBytes, responseBytes);
    }

    /** Records a finished request into a series already found; the in-flight mark ends last. */
    void record(RouteSeries series, String status, long elapsedNanos, long requestBytes, long responseBytes) {
        try {
            series.record(status, elapsedNanos, requestBytes, responseBytes);
        } finally {
            endInFlight();
        }
    }

    private void endInFlight() {
        inFlight.currentStripe().add(FINISHED, 1);
    }

    /**
     * The series of one route and method, found by two lookups keyed by the label strings themselves (routes come
     * from the route cache and methods from a fixed set, so their hashes are cached and equality is usually
     * identity). Both keys come from bounded sets, so the cache is bounded; a pair the route budget refuses is
     * cached as the overflow series.
     */
    RouteSeries series(String method, String path) {
        ConcurrentMap<String, RouteSeries> byMethod = seriesByPathAndMethod.get(path);
        if (byMethod == null) {
            byMethod = seriesByPathAndMethod.computeIfAbsent(path, p -> new ConcurrentHashMap<>());
        }
        RouteSeries series = byMethod.get(method);
        return series != null ? series : byMethod.computeIfAbsent(method, m -> admit(m, path));
    }

    private RouteSeries admit(String method, String path) {
        if (!routes.tryAdmit()) {
            return overflowRoute();
        }
        return created(new RouteSeries(layout, method, path, requestLabelSets::tryAdmit, overflowRequests,
                exemplarSampler));
    }

    /** The series of every refused route; all its statuses count as the requests family's overflow series. */
    private synchronized RouteSeries overflowRoute() {
        if (overflowRoute == null) {
            overflowRoute = created(new RouteSeries(layout, CardinalityGuard.OVERFLOW, CardinalityGuard.OVERFLOW,
                    () -> false, overflowRequests, exemplarSampler));
        }
        return overflowRoute;
    }

    private RouteSeries created(RouteSeries series) {
        seriesInCreationOrder.add(series);
        return series;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        RouteSeries.Samples samples = new RouteSeries.Samples(
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (RouteSeries series : seriesInCreationOrder) {
            series.collect(samples);
        }
        addOverflowRequests(samples.requests());
        return families(samples, inFlightSamples());
    }

    @Override
    public String name() {
        return DURATION;
    }

    @Override
    public String help() {
        return DURATION_HELP;
    }

    @Override
    public List<NativeSeries> nativeSeries() {
        List<NativeSeries> read = new ArrayList<>();
        for (RouteSeries series : seriesInCreationOrder) {
            read.add(series.nativeDuration());
        }
        return read;
    }

    @Override
    public List<MetricFamilySamples> describe() {
        return families(new RouteSeries.Samples(List.of(), List.of(), List.of(), List.of()), List.of());
    }

    private static List<MetricFamilySamples> families(RouteSeries.Samples samples,
                                                      List<MetricFamilySamples.Sample> inFlight) {
        return List.of(
                new MetricFamilySamples(REQUESTS_FAMILY, Type.COUNTER, REQUESTS_HELP, samples.requests()),
                new MetricFamilySamples(DURATION, Type.HISTOGRAM, DURATION_HELP, samples.duration()),
                new MetricFamilySamples(IN_FLIGHT, Type.GAUGE, IN_FLIGHT_HELP, inFlight),
                new MetricFamilySamples(REQUEST_SIZE, Type.HISTOGRAM, REQUEST_SIZE_HELP, samples.requestSize()),
                new MetricFamilySamples(RESPONSE_SIZE, Type.HISTOGRAM, RESPONSE_SIZE_HELP, samples.responseSize()));
    }

    private void addOverflowRequests(List<MetricFamilySamples.Sample> requests) {
        long overflowed = overflowRequests.sum();
        if (overflowed > 0) {
            RouteSeries.addRequests(requests, OVERFLOW_REQUEST_LABELS, overflowed, createdSeconds);
        }
    }

    /**
     * Requests started minus requests finished. Finished requests are summed first: each one's start was counted
     * before its finish, so the start sum read afterwards includes it, and the gauge is never negative.
     */
    private List<MetricFamilySamples.Sample> inFlightSamples() {
        long finished = inFlight.sum(FINISHED);
        long started = inFlight.sum(STARTED);
        return List.of(new MetricFamilySamples.Sample(IN_FLIGHT, List.of(), List.of(), started - finished));
    }
}
