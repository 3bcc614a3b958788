package io.dwprom.scrape.source;

import io.dwprom.scrape.parse.ClientJavaScrapes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ProtobufDetectionTest {
    private static boolean detected(byte[] b) {
        return ProtobufDetection.startsAsMetricFamily(b, b.length);
    }

    private static boolean detected(String text) {
        return detected(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aDelimitedMetricFamilyOfClientJavaIsDetected() {
        assertThat(detected(ClientJavaScrapes.classic().protobuf())).isTrue();
        assertThat(detected(ClientJavaScrapes.nativeHistograms().protobuf())).isTrue();
    }

    @Test
    void aMessageEndingRightAfterItsNameOrFollowedByEachFieldIsDetected() {
        assertThat(detected(new byte[] {4, 0x0A, 2, 'u', 'p'})).isTrue();
        for (byte tag : new byte[] {0x12, 0x18, 0x22, 0x2A}) {
            assertThat(detected(new byte[] {6, 0x0A, 2, 'u', 'p', tag, 0})).as("tag %d", tag).isTrue();
        }
        assertThat(detected(new byte[] {6, 0x0A, 2, 'u', 'p', 0x32, 0})).isFalse();
        assertThat(detected(new byte[] {4, 0x0A, 2, 'u', '-'})).isFalse();
        assertThat(detected(new byte[] {4, 0x0A, 2, '1', 'p'})).isFalse();
    }

    @Test
    void everyTextFixtureIsText() throws IOException {
        List<Path> fixtures;
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/fixtures"))) {
            fixtures = files.filter(f -> !f.toString().endsWith(".sh")).toList();
        }
        assertThat(fixtures).isNotEmpty();
        for (Path f : fixtures) {
            assertThat(detected(Files.readAllBytes(f))).as(f.toString()).isFalse();
        }
        assertThat(detected(ClientJavaScrapes.classic().text())).isFalse();
    }

    /** Valid texts whose first line is one character long, the only ones whose second byte is the name tag 0x0A. */
    @ParameterizedTest
    @ValueSource(strings = {"#\n# HELP up x\nup 1\n", "\n\nup 1\n", " \nup 1\n", "\t\n\tup 1\n", "#\n\n\nup 1\n",
            "#\n\tabcdefghi 1\n", "#\n\nabcdefghij 1\n", "#\n abcdefghijklmnopqrstuvwxyzabcdef 1\n",
            "#\n abcdefghijklmnopqrstuvwxyzabcdef{a=\"*\"} 1\n", "#\n\tabcdefghi{a=\"b\"} 1\n",
            " \n\tabcdefghijkl 1\n", "\r\n\tabcde 1\n", "#\n\r\n", "#\n", "\n"})
    void aTextWhoseFirstLineIsOneCharacterIsText(String text) {
        assertThat(detected(text)).isFalse();
    }

    @Test
    void onlyProtobufFileNamesSayProtobuf() {
        assertThat(ProtobufDetection.byName("scrape.pb")).isTrue();
        assertThat(ProtobufDetection.byName("dir/scrape.bin.gz")).isTrue();
        assertThat(ProtobufDetection.byName("scrape.prom")).isFalse();
        assertThat(ProtobufDetection.byName("scrape.pb.txt")).isFalse();
        assertThat(ProtobufDetection.byName("scrape.gz")).isFalse();
    }
}
