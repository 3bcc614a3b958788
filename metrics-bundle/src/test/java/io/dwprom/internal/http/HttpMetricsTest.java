package io.dwprom.internal.http;

import io.dwprom.internal.core.Buckets;
import io.dwprom.internal.core.CardinalityGuard;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpMetricsTest {

    private static final String[] REQUEST_LABELS = {"method", "path", "status"};
    private static final String[] ROUTE_LABELS = {"method", "path"};
    private static final String OVERFLOW = CardinalityGuard.OVERFLOW;

    private final CollectorRegistry registry = new CollectorRegistry();

    @Test
    void routesPastTheLimitAreRecordedUnderTheOverflowSeriesAndReportedOnce() {
        HttpMetrics metrics = metrics(2);
        for (String path : List.of("/a", "/b", "/c", "/d")) {
            record(metrics, "GET", path, "200", 3);
        }

        assertThat(routeCount("GET", "/b")).isEqualTo(3.0);
        assertThat(registry.getSampleValue(HttpMetrics.DURATION + "_count", ROUTE_LABELS, new String[]{"GET", "/c"}))
                .isNull();
        assertThat(routeCount(OVERFLOW, OVERFLOW)).isEqualTo(6.0);
        assertThat(requests(OVERFLOW, OVERFLOW, OVERFLOW)).isEqualTo(6.0);
        assertThat(overflowed(HttpMetrics.DURATION)).isEqualTo(2.0);
        assertThat(overflowed(HttpMetrics.RESPONSE_SIZE)).isEqualTo(2.0);
    }

    @Test
    void statusesPastTheRequestsLimitFoldIntoOneOverflowSeriesWhileTheirRouteKeepsItsHistograms() {
        HttpMetrics metrics = metrics(2);
        record(metrics, "GET", "/a", "200", 1);
        record(metrics, "GET", "/a", "404", 1);
        record(metrics, "GET", "/a", "500", 4);

        assertThat(requests("GET", "/a", "404")).isEqualTo(1.0);
        assertThat(requests("GET", "/a", "500")).isNull();
        assertThat(requests(OVERFLOW, OVERFLOW, OVERFLOW)).isEqualTo(4.0);
        assertThat(routeCount("GET", "/a")).isEqualTo(6.0);
        assertThat(overflowed(HttpMetrics.REQUESTS)).isEqualTo(1.0);
    }

    @Test
    void aRouteAnsweringMoreStatusesThanItHasSlotsCountsEachExactly() {
        HttpMetrics metrics = metrics(100);
        int statuses = RouteSeries.STATUS_SLOTS + 4;
        for (int i = 0; i < statuses; i++) {
            record(metrics, "POST", "/runs", HttpLabels.status(400 + i), i + 1);
        }

        for (int i = 0; i < statuses; i++) {
            assertThat(requests("POST", "/runs", HttpLabels.status(400 + i))).as("status " + (400 + i))
                    .isEqualTo(i + 1.0);
        }
        assertThat(routeCount("POST", "/runs")).isEqualTo(statuses * (statuses + 1) / 2.0);
    }

    @Test
    void theInFlightGaugeNeverGoesNegativeWhileRequestsFinishOnOtherThreads() throws Exception {
        HttpMetrics metrics = metrics(100);
        int threads = 4;
        int requestsPerThread = 20_000;
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicReference<Double> lowest = new AtomicReference<>(0.0);
        Thread scraper = new Thread(() -> {
            while (running.get()) {
                double inFlight = registry.getSampleValue(HttpMetrics.IN_FLIGHT);
                lowest.accumulateAndGet(inFlight, Math::min);
            }
        });
        scraper.start();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            // Each request starts on one thread and finishes on the next one, as an async resource may.
            Thread worker = new Thread(() -> {
                for (int i = 0; i < requestsPerThread; i++) {
                    InFlightRequest request = metrics.start();
                    Thread finisher = i % 1000 == 0 ? new Thread(() -> request.finish("GET", "/x", "200")) : null;
                    if (finisher == null) {
                        request.finish("GET", "/x", "200");
                    } else {
                        finisher.start();
                        join(finisher);
                    }
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        running.set(false);
        scraper.join();

        assertThat(lowest.get()).isGreaterThanOrEqualTo(0.0);
        assertThat(registry.getSampleValue(HttpMetrics.IN_FLIGHT)).isEqualTo(0.0);
        assertThat(requests("GET", "/x", "200")).isEqualTo((double) threads * requestsPerThread);
    }

    @Test
    void theFamiliesAreDescribedSoAClashingRegistrationFails() {
        metrics(100);

        assertThatThrownBy(() -> Counter.build(HttpMetrics.REQUESTS, "clash").register(registry))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private HttpMetrics metrics(int maxLabelSets) {
        return new HttpMetrics(registry, new CardinalityGuard(registry, maxLabelSets), Buckets.HTTP_DURATION_SECONDS,
                Buckets.HTTP_SIZE_BYTES);
    }

    private static void record(HttpMetrics metrics, String method, String path, String status, int times) {
        for (int i = 0; i < times; i++) {
            InFlightRequest request = metrics.start();
            request.addRequestBytes(10);
            request.finish(method, path, status);
        }
    }

    private Double requests(String method, String path, String status) {
        return registry.getSampleValue(HttpMetrics.REQUESTS, REQUEST_LABELS, new String[]{method, path, status});
    }

    private Double routeCount(String method, String path) {
        return registry.getSampleValue(HttpMetrics.DURATION + "_count", ROUTE_LABELS, new String[]{method, path});
    }

    private Double overflowed(String family) {
        return registry.getSampleValue(CardinalityGuard.FAMILY, new String[]{"family"}, new String[]{family});
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
