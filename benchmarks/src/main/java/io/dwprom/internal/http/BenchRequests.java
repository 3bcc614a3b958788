package io.dwprom.internal.http;

/**
 * Records a finished request of a chosen duration, as the HTTP filter records one it timed. Lives in the
 * recorder's package because {@code HttpMetrics.record} is package-private (benchmark code only; the bundle is not
 * changed): the benchmarks need realistic latencies in the duration histogram, not the few hundred nanoseconds
 * between {@code start()} and {@code finish()}.
 */
public final class BenchRequests {

    private BenchRequests() {
    }

    public static void record(HttpMetrics http, String method, String path, String status, long elapsedNanos) {
        http.start(); // the in-flight mark that record() ends
        http.record(method, path, status, elapsedNanos, 100, 1_000);
    }
}
