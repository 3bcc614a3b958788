package io.dwprom.lint;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ValueShapeTest {

    private static String classify(String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        return ValueShape.classify(b, 0, b.length);
    }

    @ParameterizedTest(name = "{0} looks like a {1}")
    @CsvSource({
            "123e4567-e89b-12d3-a456-426614174000, UUID",
            "9f86d081884c7d659a2feaa0c55ad015, hex hash",
            "98765432, long number",
            "1714557600, timestamp",
            "1714557600123, timestamp",
            "2024-05-01, timestamp",
            "jane.doe@example.com, e-mail address",
            "/users/12345/orders, URL path with an ID",
            "/orders/123e4567-e89b-12d3-a456-426614174000, URL path with an ID",
            "/blobs/deadbeef42, URL path with an ID"})
    void unboundedLookingValuesAreRecognised(String value, String kind) {
        assertThat(classify(value)).isEqualTo(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "200", "/api/v1/items", "/healthz", "host-0001.example.internal:9100", "eth0",
            "production", "us-east-1", "1234", "v1.2.3", "/api/v2/users/me", "deadbeef", "@home"})
    void ordinaryLabelValuesAreNotFlagged(String value) {
        assertThat(classify(value)).isNull();
    }
}
