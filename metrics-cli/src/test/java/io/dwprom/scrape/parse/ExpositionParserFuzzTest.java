package io.dwprom.scrape.parse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.dwprom.lint.ScrapeAnalyzer;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the exposition parser (text 0.0.4 and OpenMetrics) and of the analysis built on it.
 * Seeds: {@code ExpositionParserFuzzTestInputs/} beside this class in the test resources, crashes found included.
 */
class ExpositionParserFuzzTest {

    @FuzzTest
    void roundTripsOrFailsWithALocatedError(byte[] input)
            throws IOException {
        RecordedExposition parsed;
        try {
            parsed = RecordedExposition.parse(input);
        } catch (ParseException malformed) {
            assertLocated(malformed);
            return;
        }
        byte[] rendered = parsed.render();
        assertThat(RecordedExposition.parse(rendered)).as("re-parsed rendering of%n%s", new String(rendered))
                .isEqualTo(parsed);
        for (Dialect dialect : Dialect.values()) {
            try {
                ScrapeAnalyzer.analyze(new ByteArrayInputStream(input), dialect);
            } catch (ParseException inconsistent) {
                assertLocated(inconsistent);
            }
        }
    }

    private static void assertLocated(ParseException e) {
        assertThat(e.line()).as(e.getMessage()).isPositive();
        assertThat(e.column()).as(e.getMessage()).isNotNegative();
        assertThat(e.detail()).as(e.getMessage()).isNotBlank();
    }
}
