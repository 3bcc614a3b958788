package io.dwprom.internal.core;

import java.util.List;

/**
 * Default histogram bucket bounds, with the ranges and counts of the product's metric contract. Each can be overridden in
 * {@code config.yml} (see {@code BucketsFactory}).
 */
public final class Buckets {

    /** HTTP request duration: 12 buckets from 1 ms to 10 s. */
    public static final List<Double> HTTP_DURATION_SECONDS =
            List.of(0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0);

    /** HTTP request and response body size: 6 buckets from 100 B to 10 MB. */
    public static final List<Double> HTTP_SIZE_BYTES = List.of(100.0, 1e3, 1e4, 1e5, 1e6, 1e7);

    /** Database query duration: 11 buckets from 0.1 ms to 1 s. */
    public static final List<Double> DB_QUERY_SECONDS =
            List.of(0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1.0);

    private Buckets() {
    }

    /** Bounds as the primitive array simpleclient's builders take. */
    public static double[] toArray(List<Double> bounds) {
        return bounds.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Whether every bound is positive, finite and greater than the one before it; true for an empty list. */
    public static boolean isPositiveAndIncreasing(List<Double> bounds) {
        for (int i = 0; i < bounds.size(); i++) {
            Double bound = bounds.get(i);
            if (bound == null || !(bound > 0) || bound.isInfinite() || (i > 0 && !(bound > bounds.get(i - 1)))) {
                return false;
            }
        }
        return true;
    }
}
