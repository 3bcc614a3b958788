package io.dwprom.lint.rules;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class NamePartsTest {
    private static final List<String> WORDS = List.of("s", "ms", "gauge", "gauge_histogram", "histogram", "x", "");

    @Test
    void aWordIsFoundAfterAnUnderscoreAndBeforeAnUnderscoreOrTheEnd() {
        assertThat(NameParts.containsWord("http_ms", "ms")).isTrue();
        assertThat(NameParts.containsWord("http_ms_total", "ms")).isTrue();
        assertThat(NameParts.containsWord("ms_total", "ms")).as("first word").isFalse();
        assertThat(NameParts.containsWord("http_msgs", "ms")).as("inside a word").isFalse();
        assertThat(NameParts.containsWord("a_gauge_histogram", "gauge_histogram")).isTrue();
        assertThat(NameParts.containsWord("a_gauge_histograms", "gauge_histogram")).isFalse();
        assertThat(NameParts.containsWord("a__s", "s")).isTrue();
    }

    @Test
    void itAgreesWithTheTwoPatternsOnGeneratedNames() {
        Random random = new Random(42);
        String alphabet = "_sm_xgauehistor";
        for (int n = 0; n < 200_000; n++) {
            StringBuilder name = new StringBuilder();
            int length = random.nextInt(24);
            for (int i = 0; i < length; i++) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String word = WORDS.get(random.nextInt(WORDS.size()));
            String s = name.toString();
            boolean expected = s.contains("_" + word + "_") || s.endsWith("_" + word);
            assertThat(NameParts.containsWord(s, word)).as("%s in %s", word, s).isEqualTo(expected);
        }
    }
}
