package io.dwprom.scrape.parse;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats an {@code le} or {@code quantile} value as Prometheus does when it turns a protobuf histogram or summary into
 * series ({@code formatOpenMetricsFloat} in its protobuf parser): Go's shortest {@code 'g'} formatting, with
 * {@code ".0"} appended when that has neither a point nor an exponent ({@code 1.0}, {@code 0.005}, {@code 1e+06},
 * {@code +Inf}).
 */
final class OpenMetricsFloats {
    private OpenMetricsFloats() {
    }

    static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == 0) {
            return "0.0";
        }
        String g = goShortestG(v);
        return g.indexOf('.') >= 0 || g.indexOf('e') >= 0 ? g : g + ".0";
    }

    /**
     * Go's {@code strconv.FormatFloat(v, 'g', -1, 64)}: the shortest digits that read back as {@code v}, written with
     * an exponent when it is below -4 or at least 6.
     */
    private static String goShortestG(double v) {
        BigDecimal decimal = shortest(Math.abs(v));
        String digits = decimal.unscaledValue().toString();
        int pointAt = digits.length() - decimal.scale(); // digits d1 d2 ... with the point after pointAt of them
        int exponent = pointAt - 1;
        StringBuilder sb = new StringBuilder(24);
        if (v < 0) {
            sb.append('-');
        }
        if (exponent < -4 || exponent >= 6) {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            sb.append('e').append(exponent < 0 ? '-' : '+');
            int e = Math.abs(exponent);
            if (e < 10) {
                sb.append('0');
            }
            return sb.append(e).toString();
        }
        if (pointAt <= 0) {
            sb.append("0.");
            for (int i = pointAt; i < 0; i++) {
                sb.append('0');
            }
            return sb.append(digits).toString();
        }
        if (pointAt >= digits.length()) {
            sb.append(digits);
            for (int i = digits.length(); i < pointAt; i++) {
                sb.append('0');
            }
            return sb.toString();
        }
        return sb.append(digits, 0, pointAt).append('.').append(digits, pointAt, digits.length()).toString();
    }

    /**
     * The decimal of fewest significant digits that reads back as {@code v}, the nearest to it among those: the
     * exact value rounded to 1, 2, ... digits until one reads back ({@link Double#toString} before Java 19 can give a
     * digit more, e.g. {@code 4.9E-324} for Go's {@code 5e-324}).
     */
    private static BigDecimal shortest(double v) {
        BigDecimal exact = new BigDecimal(v);
        for (int digits = 1; digits < 17; digits++) {
            BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == v) {
                return rounded.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}
