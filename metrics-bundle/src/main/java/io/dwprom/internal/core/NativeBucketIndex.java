package io.dwprom.internal.core;

/**
 * The bucket of a positive value in a native (exponential) histogram. At schema {@code s} the growth factor from
 * one bucket to the next is {@code 2^(2^-s)}, and bucket {@code i} holds the values in
 * {@code (2^((i-1)/2^s), 2^(i/2^s)]}: bucket 0 ends at 1, and a power of two is the upper bound of its bucket.
 * Schemas run from {@value #MIN_SCHEMA} (a factor of 65536) to {@value #MAX_SCHEMA} (a factor of ~1.0027), as in
 * Prometheus' {@code client_model}.
 */
public final class NativeBucketIndex {

    public static final int MIN_SCHEMA = -4;
    public static final int MAX_SCHEMA = 8;

    /** For each positive schema {@code s}: {@code 2^(k/2^s)} for {@code k} from 0 to {@code 2^s}. */
    private static final double[][] BOUNDS = new double[MAX_SCHEMA + 1][];

    static {
        for (int schema = 1; schema <= MAX_SCHEMA; schema++) {
            int steps = 1 << schema;
            double[] bounds = new double[steps + 1];
            for (int k = 0; k <= steps; k++) {
                bounds[k] = Math.pow(2, (double) k / steps);
            }
            bounds[0] = 1;
            bounds[steps] = 2;
            BOUNDS[schema] = bounds;
        }
    }

    private NativeBucketIndex() {
    }

    /** The index of the bucket holding {@code value} (positive and finite) at {@code schema}. */
    public static int of(double value, int schema) {
        int exponent = Math.getExponent(value);
        if (exponent < Double.MIN_EXPONENT) { // subnormal: bring it into the normal range first
            value *= 0x1p52;
            exponent = Math.getExponent(value) - 52;
        }
        double fraction = Math.scalb(value, -Math.getExponent(value)); // in [1, 2)
        if (schema <= 0) {
            int atSchemaZero = fraction > 1 ? exponent + 1 : exponent;
            return coarser(atSchemaZero, -schema);
        }
        return (exponent << schema) + firstBoundAtLeast(BOUNDS[schema], fraction);
    }

    /** The index at {@code schema - steps} of the bucket that contains bucket {@code index} of {@code schema}. */
    public static int coarser(int index, int steps) {
        return (int) (((long) index + (1L << steps) - 1) >> steps);
    }

    /** The upper bound of bucket {@code index} at {@code schema}. */
    public static double upperBound(int index, int schema) {
        return Math.pow(2, Math.scalb((double) index, -schema));
    }

    private static int firstBoundAtLeast(double[] bounds, double fraction) {
        int low = 0;
        int high = bounds.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (bounds[middle] >= fraction) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }
}
