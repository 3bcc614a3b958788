package io.dwprom.benchmarks;

import com.codahale.metrics.MetricRegistry;
import io.dwprom.bundle.NativeHistogramsFactory;
import io.dwprom.bundle.PrometheusFactory;
import io.dwprom.internal.Recorders;
import io.dwprom.internal.core.NativeHistogramSettings;
import io.dwprom.internal.http.HttpMetrics;
import io.dwprom.internal.http.InFlightRequest;
import io.prometheus.client.CollectorRegistry;

import java.util.SplittableRandom;

/** The bundle as an application gets it, and the requests the benchmarks feed it. */
final class Fixtures {

    /** Median of {@link #latencies}: 5 ms. */
    private static final double MEDIAN_NANOS = 5e6;

    private Fixtures() {
    }

    static Recorders bundle() {
        return Recorders.create(new CollectorRegistry(), new MetricRegistry(), new PrometheusFactory());
    }

    /** The bundle with {@code prometheus.nativeHistograms.enabled: true} and the other native settings' defaults. */
    static Recorders bundleWithNativeHistograms() {
        return bundleWithNativeHistograms(new NativeHistogramsFactory().getMaxBuckets());
    }

    /** As {@link #bundleWithNativeHistograms()}, with {@code maxBuckets} native buckets a series. */
    static Recorders bundleWithNativeHistograms(int maxBuckets) {
        PrometheusFactory config = new PrometheusFactory();
        config.getNativeHistograms().setEnabled(true);
        config.getNativeHistograms().setMaxBuckets(maxBuckets);
        return Recorders.create(new CollectorRegistry(), new MetricRegistry(), config);
    }

    /** The native settings an application gets from {@code nativeHistograms: {enabled: true}}. */
    static NativeHistogramSettings defaultNativeSettings() {
        NativeHistogramsFactory defaults = new NativeHistogramsFactory();
        return new NativeHistogramSettings(defaults.getInitialSchema(), defaults.getMaxBuckets(),
                defaults.getZeroThreshold());
    }

    /** Records one finished request with a body of {@code requestBytes}, as the HTTP filter does. */
    static void request(HttpMetrics http, String method, String path, String status, long requestBytes) {
        InFlightRequest request = http.start();
        request.addRequestBytes(requestBytes);
        request.finish(method, path, status);
    }

    /**
     * {@code count} request latencies in nanoseconds from a fixed seed, log-normal with a median of 5 ms and
     * sigma 1: one in a hundred under 0.5 ms, one in a hundred over 51 ms, the spread of a service's routes.
     */
    static long[] latencies(int count) {
        SplittableRandom random = new SplittableRandom(42);
        long[] latencies = new long[count];
        for (int i = 0; i < count; i++) {
            latencies[i] = Math.round(MEDIAN_NANOS * Math.exp(gaussian(random)));
        }
        return latencies;
    }

    /** A standard normal variate (Box-Muller): {@code SplittableRandom} has no {@code nextGaussian} in Java 17. */
    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
