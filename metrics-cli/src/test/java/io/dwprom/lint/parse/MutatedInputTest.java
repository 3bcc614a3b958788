package io.dwprom.lint.parse;

import io.dwprom.lint.ScrapeAnalyzer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Randomly damaged real scrapes either parse or fail with a located ParseException, nothing else. */
class MutatedInputTest {

    @Test
    void damagedInputOnlyEverFailsWithAParseException() throws Exception {
        byte[] original;
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/fixtures/node-exporter.prom"))) {
            original = in.readAllBytes();
        }
        Random random = new Random(42);
        byte[] interesting = "{}\"=,\\# \n\r\t+-.eE0Inf".getBytes();
        int parseErrors = 0;
        for (int i = 0; i < 400; i++) {
            byte[] damaged = Arrays.copyOf(original, random.nextInt(original.length) + 1);
            for (int m = random.nextInt(5); m >= 0; m--) {
                int at = random.nextInt(damaged.length);
                damaged[at] = random.nextBoolean() ? interesting[random.nextInt(interesting.length)] : (byte) random.nextInt(256);
            }
            try {
                ScrapeAnalyzer.analyze(new ByteArrayInputStream(damaged), i % 2 == 0 ? Dialect.PROMTOOL : Dialect.OPENMETRICS);
            } catch (ParseException e) {
                assertThat(e.line()).isPositive();
                parseErrors++;
            } catch (RuntimeException e) {
                fail("mutation " + i + " raised " + e, e);
            }
        }
        assertThat(parseErrors).isGreaterThan(200);
    }
}
