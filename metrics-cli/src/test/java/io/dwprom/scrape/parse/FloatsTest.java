package io.dwprom.scrape.parse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FloatsTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"0,0", "1,1", "-2.5,-2.5", "1e3,1000", "1.5E-3,0.0015", "+Inf,Infinity", "-inf,-Infinity",
            "Infinity,Infinity", "NaN,NaN", "0.1,0.1", "123456789012345678901,1.2345678901234568E20",
            "1.7976931348623157e308,1.7976931348623157E308", ".5,0.5", "5.,5"})
    void floatsAreParsedLikeGo(String text, double expected) {
        assertThat(Double.valueOf(Floats.parse(text))).isEqualTo(Double.valueOf(expected));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0.34784725800000005", "1.6636913210000002", "9.010410000000001E-4",
            "0.30000000000000004", "1.2345678901234567e-6", "123456789012345.678", "4.9406564584124654e-7",
            "0.999999999999999999", "1.00000000000000001", "-2.2250738585072014E-3", "12345678901234567.8",
            "9007199254740993e-1", "9007199254740995e-1", "0.100000000000000005551115123125782702118"})
    void longDecimalsAreCorrectlyRounded(String text) {
        assertThat(Double.valueOf(Floats.parse(text))).isEqualTo(Double.valueOf(text));
    }

    /** Random 16-18 digit decimals, and the exact midpoints between neighbouring doubles, against the JDK. */
    @Test
    void longDecimalsAgreeWithTheJdk() {
        SplittableRandom random = new SplittableRandom(20261204);
        for (int i = 0; i < 300_000; i++) {
            long digits = random.nextLong(1_000_000_000_000_000L, 1_000_000_000_000_000_000L) / (i % 3 == 0 ? 100 : 1);
            String text = new BigDecimal(BigInteger.valueOf(digits), random.nextInt(1, 23)).toString();
            assertThat(Double.valueOf(Floats.parse(text))).as(text).isEqualTo(Double.valueOf(text));
        }
        for (int i = 0; i < 100_000; i++) {
            double d = random.nextDouble(1e-6, 1e3);
            BigDecimal midpoint = new BigDecimal(d).add(new BigDecimal(Math.nextUp(d))).divide(BigDecimal.valueOf(2));
            BigDecimal rounded = midpoint.round(new MathContext(18));
            for (BigDecimal candidate : new BigDecimal[] {rounded, rounded.add(rounded.ulp()), rounded.subtract(rounded.ulp())}) {
                String text = candidate.toPlainString();
                assertThat(Double.valueOf(Floats.parse(text))).as(text).isEqualTo(Double.valueOf(text));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "abc", "1d", "0x1p3", "1_000", "1e", "+NaN", "1.2.3", " 1"})
    void nonFloatsAreRejected(String text) {
        assertThatThrownBy(() -> Floats.parse(text)).isInstanceOf(NumberFormatException.class);
    }

    private static double inRange(String text) {
        byte[] b = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return Floats.parseInRange(b, 0, b.length);
    }

    /**
     * Long literals as Go's ParseFloat reads them (checked against promtool 2.42 in PromtoolParityTest): at most 800
     * significant digits count before the decimal point, exponent digits are read until the exponent reaches 10,000.
     */
    @Test
    void longLiteralsAreReadAsGoReadsThem() {
        String digits900 = "1" + "0".repeat(899);
        assertThat(inRange(digits900 + "e-500")).isEqualTo(1e299);
        assertThat(inRange("0." + "0".repeat(100_000) + "1e100400")).isEqualTo(0.0);
        assertThat(inRange("1e" + "0".repeat(30) + "308")).isEqualTo(1e308);
        assertThat(inRange("9".repeat(30) + "e-10")).isEqualTo(1e20);
        assertThat(inRange("-" + "1".repeat(30))).isEqualTo(-1.1111111111111111e29);
        assertThatThrownBy(() -> inRange("1" + "0".repeat(799) + "e-400")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> inRange("1e" + "0".repeat(30) + "309")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> inRange("17976931348623157" + "9".repeat(900) + "e292"))
                .isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> inRange("1".repeat(30) + "x")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> inRange("1".repeat(30) + "e")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> inRange("1".repeat(30) + "p1")).isInstanceOf(NumberFormatException.class);
    }
}
