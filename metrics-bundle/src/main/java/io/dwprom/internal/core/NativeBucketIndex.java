package io.dwprom.internal.core;

/**
 * The bucket of a positive value in a native (exponential) histogram. At schema {@code s} the growth factor from
 * one bucket to the next is {@code 2^(2^-s)}, and bucket {@code i} holds the values in
 * {@code (2^((i-1)/2^s), 2^(i/2^s)]}: bucket 0 ends at 1, and a power of two is the upper bound of its bucket.
 * Schemas run from {@value #MIN_SCHEMA} (a factor of 65536) to {@value #MAX_SCHEMA} (a factor of ~1.0027), as in
 * Prometheus' {@code client_model}.
 *
 * <p>It is computed on the request path, so from the value's bits: the exponent gives the power of two, and the
 * fraction (in {@code [1, 2)}) is placed among the {@code 2^s} bounds {@code 2^(k/2^s)} within it by a table
 * indexed by the fraction's top {@code s + 1} bits. Each table cell is narrower than any bucket, so the bucket is
 * the cell's first candidate or the next one, and one comparison decides.
 */
public final class NativeBucketIndex {

    public static final int MIN_SCHEMA = -4;
    public static final int MAX_SCHEMA = 8;

    private static final long FRACTION_BITS = 0x000F_FFFF_FFFF_FFFFL;
    private static final long EXPONENT_OF_ONE = 1023L << 52;
    /** For each positive schema {@code s}: {@code 2^(k/2^s)} for {@code k} from 0 to {@code 2^s}. */
    private static final double[][] BOUNDS = new double[MAX_SCHEMA + 1][];
    /** For each positive schema {@code s} and top {@code s + 1} fraction bits: the first bound at or above them. */
    private static final int[][] CANDIDATES = new int[MAX_SCHEMA + 1][];

    static {
        for (int schema = 1; schema <= MAX_SCHEMA; schema++) {
            int steps = 1 << schema;
            double[] bounds = new double[steps + 1];
            for (int k = 0; k <= steps; k++) {
                bounds[k] = Math.pow(2, (double) k / steps);
            }
            bounds[0] = 1;
            bounds[steps] = 2;
            int cells = 2 << schema;
            int[] candidates = new int[cells];
            int k = 0;
            for (int cell = 0; cell < cells; cell++) {
                double cellStart = 1 + (double) cell / cells;
                while (bounds[k] < cellStart) {
                    k++;
                }
                candidates[cell] = k;
            }
            BOUNDS[schema] = bounds;
            CANDIDATES[schema] = candidates;
        }
    }

    private NativeBucketIndex() {
    }

    /** The index of the bucket holding {@code value} (positive and finite) at {@code schema}. */
    public static int of(double value, int schema) {
        long bits = Double.doubleToRawLongBits(value);
        int exponent = (int) (bits >>> 52) - 1023;
        if (exponent == Double.MIN_EXPONENT - 1) { // subnormal: bring it into the normal range first
            bits = Double.doubleToRawLongBits(value * 0x1p52);
            exponent = (int) (bits >>> 52) - 1023 - 52;
        }
        long fraction = bits & FRACTION_BITS;
        if (schema <= 0) {
            return coarser(fraction == 0 ? exponent : exponent + 1, -schema);
        }
        int candidate = CANDIDATES[schema][(int) (fraction >>> (51 - schema))];
        double scaled = Double.longBitsToDouble(fraction | EXPONENT_OF_ONE); // the fraction, in [1, 2)
        int k = scaled > BOUNDS[schema][candidate] ? candidate + 1 : candidate;
        return (exponent << schema) + k;
    }

    /** The index at {@code schema - steps} of the bucket that contains bucket {@code index} of {@code schema}. */
    public static int coarser(int index, int steps) {
        return (int) (((long) index + (1L << steps) - 1) >> steps);
    }

    /** The upper bound of bucket {@code index} at {@code schema}. */
    public static double upperBound(int index, int schema) {
        return Math.pow(2, Math.scalb((double) index, -schema));
    }
}
