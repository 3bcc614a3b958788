package io.dwprom.internal.core;

/**
 * How the native buckets of a histogram are kept: the schema its series start at, the most buckets a series
 * keeps (past it, the series halves its resolution) and the zero threshold, at or below which a value counts in
 * the zero bucket.
 */
public record NativeHistogramSettings(int initialSchema, int maxBuckets, double zeroThreshold) {

    /** Fewer buckets could not hold every positive duration in nanoseconds, even at the coarsest schema. */
    public static final int MIN_BUCKETS = 8;

    public NativeHistogramSettings {
        if (initialSchema < NativeBucketIndex.MIN_SCHEMA || initialSchema > NativeBucketIndex.MAX_SCHEMA) {
            throw new IllegalArgumentException("The initial schema must be from " + NativeBucketIndex.MIN_SCHEMA
                    + " to " + NativeBucketIndex.MAX_SCHEMA + ", not " + initialSchema);
        }
        if (maxBuckets < MIN_BUCKETS) {
            throw new IllegalArgumentException("A native histogram needs at least " + MIN_BUCKETS
                    + " buckets, not " + maxBuckets);
        }
        if (!(zeroThreshold > 0) || Double.isInfinite(zeroThreshold)) {
            throw new IllegalArgumentException("The zero threshold must be positive and finite, not " + zeroThreshold);
        }
    }
}
