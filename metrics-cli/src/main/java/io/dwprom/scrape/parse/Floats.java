package io.dwprom.scrape.parse;

import java.nio.charset.StandardCharsets;

/**
 * Allocation-free parsing of exposition floats: decimal numbers with optional exponent,
 * {@code NaN}, and {@code Inf}/{@code Infinity} with optional sign (case-insensitive), as Go's
 * {@code strconv.ParseFloat} accepts them (no hex, no underscores).
 */
public final class Floats {
    private static final double[] POW10 = new double[23];
    /** 5^0 .. 5^22, all below 2^52. */
    private static final long[] POW5 = new long[23];

    static {
        double p = 1;
        long p5 = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            POW5[i] = p5;
            p *= 10;
            p5 *= 5;
        }
    }

    private Floats() {
    }

    /** Parses {@code b[from, to)}; throws {@link NumberFormatException} when it is not a float. */
    public static double parse(byte[] b, int from, int to) {
        if (from >= to) {
            throw new NumberFormatException("empty");
        }
        int i = from;
        boolean neg = false;
        if (b[i] == '+' || b[i] == '-') {
            neg = b[i] == '-';
            i++;
        }
        if (i == to) {
            throw new NumberFormatException("sign only");
        }
        byte c = b[i];
        if (c == 'I' || c == 'i' || c == 'N' || c == 'n') {
            return special(b, i, to, neg, i != from);
        }
        long mantissa = 0;
        int digits = 0;
        int exp10 = 0;
        boolean anyDigit = false;
        boolean dot = false;
        boolean truncated = false;
        for (; i < to; i++) {
            c = b[i];
            if (c >= '0' && c <= '9') {
                anyDigit = true;
                if (digits < 18) {
                    mantissa = mantissa * 10 + (c - '0');
                    if (mantissa != 0) {
                        digits++;
                    }
                    if (dot) {
                        exp10--;
                    }
                } else {
                    truncated |= c != '0';
                    if (!dot) {
                        exp10++;
                    }
                }
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                break;
            }
        }
        if (!anyDigit) {
            throw new NumberFormatException("no digits");
        }
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean expNeg = false;
            if (i < to && (b[i] == '+' || b[i] == '-')) {
                expNeg = b[i] == '-';
                i++;
            }
            int start = i;
            int e = 0;
            for (; i < to && b[i] >= '0' && b[i] <= '9'; i++) {
                if (e < 100_000) {
                    e = e * 10 + (b[i] - '0');
                }
            }
            if (i == start) {
                throw new NumberFormatException("no exponent digits");
            }
            exp10 += expNeg ? -e : e;
        }
        if (i != to) {
            throw new NumberFormatException("unexpected character");
        }
        if (digits <= 15 && exp10 >= -22 && exp10 <= 22) {
            double d = mantissa;
            d = exp10 < 0 ? d / POW10[-exp10] : d * POW10[exp10];
            return neg ? -d : d;
        }
        if (!truncated && exp10 < 0 && exp10 >= -22) {
            double d = dividedByPowerOfTen(mantissa, -exp10);
            return neg ? -d : d;
        }
        return Double.parseDouble(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
    }

    /**
     * {@code m / 10^j} rounded to the nearest double (ties to even), for {@code 0 < m < 10^18} and {@code j <= 22}:
     * the 16 to 18 significant digits Java's and Go's shortest representations often have (0.34784725800000005),
     * without {@link Double#parseDouble}'s arbitrary-precision arithmetic. As {@code 10^j = 5^j * 2^j}, it divides by
     * {@code 5^j} bit by bit until the quotient has two bits beyond double's 53, notes whether anything remains, and
     * rounds once; the power of two is only the exponent.
     */
    private static double dividedByPowerOfTen(long m, int j) {
        long divisor = POW5[j];
        long quotient = m / divisor;
        long remainder = m - quotient * divisor;
        int exp2 = -j;
        boolean sticky = false;
        int bits = 64 - Long.numberOfLeadingZeros(quotient);
        if (bits > 55) {
            int shift = bits - 55;
            sticky = (quotient & ((1L << shift) - 1)) != 0;
            quotient >>>= shift;
            exp2 += shift;
        }
        while (quotient < 1L << 54) {
            remainder <<= 1;
            quotient <<= 1;
            if (remainder >= divisor) {
                remainder -= divisor;
                quotient |= 1;
            }
            exp2--;
        }
        sticky |= remainder != 0;
        long significand = quotient >>> 2;
        int rest = (int) (quotient & 3);
        if (rest == 3 || rest == 2 && (sticky || (significand & 1) != 0)) {
            significand++;
            if (significand == 1L << 53) {
                significand >>>= 1;
                exp2++;
            }
        }
        return Math.scalb((double) significand, exp2 + 2);
    }

    /**
     * Like {@link #parse}, but reads the literal exactly as Go's {@code strconv.ParseFloat(s, 64)} does, and so
     * promtool: a finite literal beyond double's range (e.g. {@code 1e400}) is refused (ErrRange). Literals longer
     * than 24 characters take {@link #parseAsGo}, which keeps Go's limits on very long literals.
     */
    public static double parseInRange(byte[] b, int from, int to) {
        if (to - from > 24) {
            return parseAsGo(b, from, to);
        }
        double d = parse(b, from, to);
        if (Double.isInfinite(d)) {
            int i = b[from] == '+' || b[from] == '-' ? from + 1 : from;
            if (b[i] != 'I' && b[i] != 'i') {
                throw new NumberFormatException("out of range");
            }
        }
        return d;
    }

    /** The most significant digits Go's decimal conversion keeps; later non-zero digits only mark it truncated. */
    private static final int GO_DECIMAL_DIGITS = 800;
    /** Go reads exponent digits while the exponent is below this, then ignores the rest. */
    private static final int GO_EXPONENT_CAP = 10_000;

    /**
     * A decimal literal of any length as Go's {@code strconv.ParseFloat(s, 64)} reads it: first the correctly rounded
     * value of its first 19 significant digits (checked against the next mantissa up when digits were dropped),
     * unless that overflows; otherwise Go's decimal of at most 800 significant digits, whose decimal point counts
     * at most those 800 digits before it, refused (ErrRange) when it rounds beyond double's range. Both read the
     * exponent until it reaches 10,000 and ignore its later digits. So {@code 1e400} written with 900 digits and
     * {@code e-500} is finite, as is {@code 0.} followed by 100,000 zeros, {@code 1e100400}.
     */
    static double parseAsGo(byte[] b, int from, int to) {
        int i = from;
        boolean neg = false;
        if (i < to && (b[i] == '+' || b[i] == '-')) {
            neg = b[i] == '-';
            i++;
        }
        if (i < to && (b[i] == 'I' || b[i] == 'i' || b[i] == 'N' || b[i] == 'n')) {
            return parse(b, from, to);
        }
        long mantissa = 0;
        int mantissaDigits = 0;
        boolean truncated = false;
        long digits = 0;
        long point = 0;
        StringBuilder decimal = new StringBuilder();
        boolean decimalTruncated = false;
        long decimalPoint = 0;
        boolean dot = false;
        boolean anyDigit = false;
        for (; i < to; i++) {
            byte c = b[i];
            if (c == '.') {
                if (dot) {
                    break;
                }
                dot = true;
                point = digits;
                decimalPoint = decimal.length();
                continue;
            }
            if (c < '0' || c > '9') {
                break;
            }
            anyDigit = true;
            if (c == '0' && digits == 0) {
                point--;
                decimalPoint--;
                continue;
            }
            digits++;
            if (mantissaDigits < 19) {
                mantissa = mantissa * 10 + (c - '0');
                mantissaDigits++;
            } else if (c != '0') {
                truncated = true;
            }
            if (decimal.length() < GO_DECIMAL_DIGITS) {
                decimal.append((char) c);
            } else if (c != '0') {
                decimalTruncated = true;
            }
        }
        if (!anyDigit) {
            throw new NumberFormatException("no digits");
        }
        if (!dot) {
            point = digits;
            decimalPoint = decimal.length();
        }
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            int sign = 1;
            if (i < to && (b[i] == '+' || b[i] == '-')) {
                sign = b[i] == '-' ? -1 : 1;
                i++;
            }
            if (i >= to || b[i] < '0' || b[i] > '9') {
                throw new NumberFormatException("no exponent digits");
            }
            int e = 0;
            for (; i < to && b[i] >= '0' && b[i] <= '9'; i++) {
                if (e < GO_EXPONENT_CAP) {
                    e = e * 10 + (b[i] - '0');
                }
            }
            point += (long) sign * e;
            decimalPoint += (long) sign * e;
        }
        if (i != to) {
            throw new NumberFormatException("unexpected character");
        }
        if (mantissa == 0) {
            return neg ? -0.0 : 0.0;
        }
        long exp10 = point - mantissaDigits;
        if (exp10 >= -348 && exp10 <= 347) {
            double f = Double.parseDouble(Long.toUnsignedString(mantissa) + "e" + exp10);
            if (!Double.isInfinite(f) && (!truncated
                    || f == Double.parseDouble(Long.toUnsignedString(mantissa + 1) + "e" + exp10))) {
                return neg ? -f : f;
            }
        }
        double d = Double.parseDouble("0." + decimal + (decimalTruncated ? "1" : "") + "e" + decimalPoint);
        if (Double.isInfinite(d)) {
            throw new NumberFormatException("out of range");
        }
        return neg ? -d : d;
    }

    /** Whether {@code b[from, to)} is a decimal 64-bit integer with an optional sign, as Go's ParseInt(s, 10, 64) reads. */
    public static boolean isInt64(byte[] b, int from, int to) {
        int i = from < to && (b[from] == '+' || b[from] == '-') ? from + 1 : from;
        if (i == to) {
            return false;
        }
        long limit = b[from] == '-' ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long n = 0;
        for (; i < to; i++) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9 || n < (limit + digit) / 10) {
                return false;
            }
            n = n * 10 - digit;
        }
        return true;
    }

    /** Like {@link #parse} but returns {@code fallback} instead of throwing. */
    public static double parseOr(byte[] b, int from, int to, double fallback) {
        try {
            return parse(b, from, to);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Parses a string; throws {@link NumberFormatException} when it is not a float. */
    public static double parse(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        return parse(bytes, 0, bytes.length);
    }

    private static double special(byte[] b, int from, int to, boolean neg, boolean signed) {
        String word = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        if (word.equalsIgnoreCase("inf") || word.equalsIgnoreCase("infinity")) {
            return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (!signed && word.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        throw new NumberFormatException("not a number: " + word);
    }
}
