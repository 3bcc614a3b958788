package io.dwprom.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Durations, sizes and severities are read the same way by every command, and a bad value is a usage error. */
class OptionValuesTest {

    @ParameterizedTest
    @CsvSource({"500ms, 500", "10s, 10000", "2m, 120000", "1h30m, 5400000", "1d, 86400000", "2w, 1209600000",
            "1y, 31536000000", "1h0m5s, 3605000", "30, 30000"})
    void durationsAreReadAsPrometheusWritesThem(String text, long millis) {
        Duration d = DurationConverter.parse(text);
        assertThat(d.toMillis()).isEqualTo(millis);
        assertThat(DurationConverter.parse(DurationConverter.format(d))).isEqualTo(d);
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "", "1m1h", "10 s", "-5s", "1.5s", "0s", "0", "5sm", "99999999999999999999s"})
    void badDurationsAreRefusedWithTheValue(String text) {
        assertThatThrownBy(() -> DurationConverter.parse(text)).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("\"" + text.strip() + "\"");
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "1048576, 1048576", "100B, 100", "512KiB, 524288", "200MiB, 209715200", "2GiB, 2147483648"})
    void sizesAreBytesOrBinaryUnits(String text, long bytes) {
        assertThat(ByteSizeConverter.parse(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "ten", "1.5MiB", "", "99999999999TiB"})
    void badSizesAreRefusedWithTheValue(String text) {
        assertThatThrownBy(() -> ByteSizeConverter.parse(text)).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("\"" + text + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10KB", "5MB", "1GB", "3kB"})
    void decimalUnitsAreRefusedAsAmbiguous(String text) {
        assertThatThrownBy(() -> ByteSizeConverter.parse(text)).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("is ambiguous (use bytes, or KiB, MiB, GiB)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "lint --timeout soon -|--timeout': invalid duration \"soon\"",
            "lint --max-bytes 10MB -|--max-bytes': invalid size \"10MB\"",
            "lint --fail-on fatal -|--fail-on': unknown severity \"fatal\"",
            "churn --window 5 --server http://127.0.0.1:1 --range x|--range': invalid duration \"x\"",
            "server-cardinality --format xml http://127.0.0.1:1|--format': expected one of [text, json]",
            "usage --format yaml -|--format': expected one of [text, json]"})
    void aBadOptionValueIsAUsageErrorNamingTheOptionAndValue(String args, String expected) {
        CliRun r = CliRun.withStdin("up 1\n", args.split(" "));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(r.err()).startsWith("metrics-lint: Invalid value for option '").contains(expected)
                .doesNotContain("\tat ");
    }

    @Test
    void sizesWithUnitsCapTheInput() {
        CliRun r = CliRun.withStdin("a_metric 1\n".repeat(200), "lint", "--max-bytes", "1KiB", "-");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(r.err()).contains("larger than the limit of 1024 bytes (--max-bytes)");
    }
}
