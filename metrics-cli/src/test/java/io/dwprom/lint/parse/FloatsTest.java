package io.dwprom.lint.parse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "abc", "1d", "0x1p3", "1_000", "1e", "+NaN", "1.2.3", " 1"})
    void nonFloatsAreRejected(String text) {
        assertThatThrownBy(() -> Floats.parse(text)).isInstanceOf(NumberFormatException.class);
    }
}
