package io.dwprom.scrape.parse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class OpenMetricsFloatsTest {
    /** Go's strconv.FormatFloat(v, 'g', -1, 64), with ".0" added when it has neither point nor exponent. */
    @ParameterizedTest
    @CsvSource({"1, 1.0", "0, 0.0", "-0.0, 0.0", "-1, -1.0", "0.005, 0.005", "0.25, 0.25", "2.5, 2.5", "10, 10.0",
            "100000, 100000.0", "123456, 123456.0", "1000000, 1e+06", "1234567, 1.234567e+06", "1e21, 1e+21",
            "0.0001, 0.0001", "0.00001, 1e-05", "0.000025, 2.5e-05", "-1.5, -1.5", "1.7976931348623157e308, 1.7976931348623157e+308",
            "5e-324, 5e-324", "0.1, 0.1", "0.99, 0.99", "Infinity, +Inf", "-Infinity, -Inf", "NaN, NaN"})
    void formatsAsPrometheusFormatsLeAndQuantileValues(double value, String expected) {
        assertThat(OpenMetricsFloats.format(value)).isEqualTo(expected);
    }
}
