package io.dwprom.internal.http;

import io.dwprom.internal.core.BucketExemplars;
import io.dwprom.internal.core.CreatedSeries;
import io.dwprom.internal.core.HistogramCells;
import io.dwprom.internal.core.NativeBuckets;
import io.dwprom.internal.core.NativeCells;
import io.dwprom.internal.core.NativeHistogramSettings;
import io.dwprom.internal.core.NativeSeries;
import io.dwprom.internal.core.StripedLongs;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import io.prometheus.client.exemplars.HistogramExemplarSampler;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

/**
 * The HTTP series of one method and route: its three histograms and its request counts by status, in one
 * {@link StripedLongs} row, so recording a request is one stripe lookup and seven atomic additions on cache
 * lines its thread usually holds. The first {@value #STATUS_SLOTS} statuses a route answers get cells in the
 * row; any further ones a {@link LongAdder} each. A status is admitted once, by {@code admitStatus}; a refused
 * one is counted in the requests family's overflow counter. Given an exemplar sampler, the duration histogram
 * keeps {@link BucketExemplars}; given native cells in its layout, {@link NativeBuckets} too.
 */
final class RouteSeries {

    static final int STATUS_SLOTS = 8;

    private static final List<String> LABEL_NAMES = List.of("method", "path");
    private static final List<String> REQUEST_LABEL_NAMES = List.of("method", "path", "status");

    private final Layout layout;
    private final List<String> labelValues;
    private final double createdSeconds = System.currentTimeMillis() / 1000.0;
    private final StripedLongs cells;
    private final BucketExemplars durationExemplars;
    private final NativeBuckets nativeDuration;
    private final BooleanSupplier admitStatus;
    private final LongAdder overflowRequests;
    private volatile String[] slotStatuses = new String[0];
    private final ConcurrentMap<String, LongAdder> statusesPastSlots = new ConcurrentHashMap<>();

    /** @param exemplarSampler samples the duration buckets' exemplars; null for none */
    RouteSeries(Layout layout, String method, String path, BooleanSupplier admitStatus, LongAdder overflowRequests,
                HistogramExemplarSampler exemplarSampler) {
        this.layout = layout;
        this.labelValues = List.of(method, path);
        this.cells = new StripedLongs(layout.width());
        this.durationExemplars = exemplarSampler == null ? null : layout.duration().exemplars(exemplarSampler);
        this.nativeDuration = layout.nativeDuration() == null ? null : layout.nativeDuration().newBuckets();
        this.admitStatus = admitStatus;
        this.overflowRequests = overflowRequests;
    }

    void record(String status, long elapsedNanos, long requestBytes, long responseBytes) {
        StripedLongs.Stripe stripe = cells.currentStripe();
        if (nativeDuration == null) {
            layout.duration().observe(stripe, elapsedNanos, durationExemplars);
        } else {
            layout.nativeDuration().observe(stripe, elapsedNanos, layout.duration(), durationExemplars, nativeDuration);
        }
        layout.requestSize().observe(stripe, requestBytes);
        layout.responseSize().observe(stripe, responseBytes);
        countStatus(stripe, status);
    }

    private void countStatus(StripedLongs.Stripe stripe, String status) {
        int slot = slotOf(status);
        if (slot < 0) {
            LongAdder counter = statusesPastSlots.get(status);
            if (counter != null) {
                counter.increment();
                return;
            }
            slot = firstSeen(status);
            if (slot < 0) {
                statusesPastSlots.get(status).increment();
                return;
            }
        }
        stripe.add(layout.firstStatusCell() + slot, 1);
    }

    private int slotOf(String status) {
        String[] statuses = slotStatuses;
        for (int slot = 0; slot < statuses.length; slot++) {
            if (statuses[slot] == status || statuses[slot].equals(status)) {
                return slot;
            }
        }
        return -1;
    }

    /** Places a status seen for the first time: a slot, a counter of its own, or the overflow counter. */
    private synchronized int firstSeen(String status) {
        int slot = slotOf(status);
        if (slot >= 0 || statusesPastSlots.containsKey(status)) {
            return slot;
        }
        if (!admitStatus.getAsBoolean()) {
            statusesPastSlots.put(status, overflowRequests);
            return -1;
        }
        String[] statuses = slotStatuses;
        if (statuses.length < STATUS_SLOTS) {
            String[] grown = Arrays.copyOf(statuses, statuses.length + 1);
            grown[statuses.length] = status;
            slotStatuses = grown;
            return statuses.length;
        }
        statusesPastSlots.put(status, new LongAdder());
        return -1;
    }

    /** Appends this route's samples; its overflowed statuses are the requests family's overflow series. */
    void collect(Samples samples) {
        String[] statuses = slotStatuses;
        long[] sums = cells.sums();
        String method = labelValues.get(0);
        String path = labelValues.get(1);
        for (int slot = 0; slot < statuses.length; slot++) {
            addRequests(samples.requests(), List.of(method, path, statuses[slot]),
                    sums[layout.firstStatusCell() + slot], createdSeconds);
        }
        for (Map.Entry<String, LongAdder> status : statusesPastSlots.entrySet()) {
            if (status.getValue() != overflowRequests) {
                addRequests(samples.requests(), List.of(method, path, status.getKey()), status.getValue().sum(),
                        createdSeconds);
            }
        }
        layout.duration().addSamples(samples.duration(), HttpMetrics.DURATION, LABEL_NAMES, labelValues, sums,
                createdSeconds, durationExemplars);
        layout.requestSize().addSamples(samples.requestSize(), HttpMetrics.REQUEST_SIZE, LABEL_NAMES, labelValues,
                sums, createdSeconds);
        layout.responseSize().addSamples(samples.responseSize(), HttpMetrics.RESPONSE_SIZE, LABEL_NAMES, labelValues,
                sums, createdSeconds);
    }

    /** The duration series with its native buckets (the layout has native cells). */
    NativeSeries nativeDuration() {
        return layout.nativeDuration().read(cells, nativeDuration, layout.duration(), LABEL_NAMES, labelValues,
                createdSeconds, durationExemplars);
    }

    /** Appends one series of the requests counter, as simpleclient's {@code Counter} renders it. */
    static void addRequests(List<Sample> requests, List<String> methodPathStatus, double count,
                            double createdSeconds) {
        requests.add(new Sample(HttpMetrics.REQUESTS, REQUEST_LABEL_NAMES, methodPathStatus, count));
        if (CreatedSeries.INCLUDED) {
            requests.add(new Sample(HttpMetrics.REQUESTS_FAMILY + "_created", REQUEST_LABEL_NAMES, methodPathStatus,
                    createdSeconds));
        }
    }

    /**
     * Where each family's cells sit in a route's row: the three histograms, then the status slots; and the
     * duration's native buckets if it keeps them ({@code nativeDuration} null otherwise), which live beside the row.
     */
    record Layout(HistogramCells duration, HistogramCells requestSize, HistogramCells responseSize,
                  NativeCells nativeDuration) {

        /** @param nativeSettings the duration histogram's native buckets; null for classic buckets only */
        static Layout of(double[] durationBucketsSeconds, double[] sizeBucketsBytes,
                         NativeHistogramSettings nativeSettings) {
            HistogramCells duration = new HistogramCells(durationBucketsSeconds, 0, 1e9);
            HistogramCells requestSize = new HistogramCells(sizeBucketsBytes, duration.endCell(), 1);
            HistogramCells responseSize = new HistogramCells(sizeBucketsBytes, requestSize.endCell(), 1);
            return new Layout(duration, requestSize, responseSize,
                    nativeSettings == null ? null : new NativeCells(nativeSettings));
        }

        int firstStatusCell() {
            return responseSize.endCell();
        }

        int width() {
            return firstStatusCell() + STATUS_SLOTS;
        }
    }

    /** The sample lists of the four per-route families, filled during one collection. */
    record Samples(List<Sample> requests, List<Sample> duration, List<Sample> requestSize,
                   List<Sample> responseSize) {
    }
}
