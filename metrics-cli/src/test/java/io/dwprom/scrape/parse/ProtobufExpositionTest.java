package io.dwprom.scrape.parse;

import io.dwprom.lint.Scrape;
import io.dwprom.lint.ScrapeAnalyzer;
import io.dwprom.lint.SeriesListener;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Damaged protobuf scrapes of client_java: each is analysed or fails at a message's byte offset, never otherwise. */
class ProtobufExpositionTest {
    private static final byte[] SCRAPE = concat(ClientJavaScrapes.classic().protobuf(),
            ClientJavaScrapes.nativeHistograms().protobuf());

    /** Analyses {@code input} under a size cap of the whole scrape's length. */
    private static Scrape analyze(byte[] input) throws IOException {
        return ScrapeAnalyzer.analyze(new ProtobufExposition(new ByteArrayInputStream(input), SCRAPE.length),
                Dialect.OPENMETRICS, SeriesListener.NONE);
    }

    /** The offsets of the messages' length prefixes, and the end of the input. */
    private static Set<Long> boundaries(byte[] b) {
        return frames(b, false);
    }

    /** The offsets of the bytes of the length prefixes. */
    private static Set<Long> prefixBytes(byte[] b) {
        return frames(b, true);
    }

    private static Set<Long> frames(byte[] b, boolean prefixBytes) {
        Set<Long> offsets = new TreeSet<>();
        int p = 0;
        while (p < b.length) {
            if (!prefixBytes) {
                offsets.add((long) p);
            }
            int length = 0;
            for (int shift = 0; ; shift += 7) {
                if (prefixBytes) {
                    offsets.add((long) p);
                }
                int c = b[p++] & 0xff;
                length |= (c & 0x7f) << shift;
                if (c < 0x80) {
                    break;
                }
            }
            p += length;
        }
        if (!prefixBytes) {
            offsets.add((long) p);
        }
        return offsets;
    }

    @Test
    void everyTruncationIsReadUpToItsLastWholeMessageOrFailsAtTheCutMessage() throws IOException {
        Set<Long> boundaries = boundaries(SCRAPE);
        assertThat(boundaries).hasSize(8); // 7 families, and the end
        long whole = analyze(SCRAPE).totalSeries();
        for (int cut = 0; cut <= SCRAPE.length; cut++) {
            byte[] input = Arrays.copyOf(SCRAPE, cut);
            try {
                long series = analyze(input).totalSeries();
                assertThat(boundaries).as("cut at %d read whole", cut).contains((long) cut);
                assertThat(series).isLessThanOrEqualTo(whole);
            } catch (ProtobufException e) {
                assertThat(boundaries).as(e.getMessage()).contains(e.offset());
                assertThat(e.offset()).as(e.getMessage()).isLessThan(cut);
                assertThat(e.detail()).startsWith("truncated");
            }
        }
    }

    /** A changed byte of a message is an error at a message; a changed length prefix shifts the later ones. */
    @Test
    void everyChangedByteIsAnalysedOrAnErrorAtAMessage() {
        Set<Long> boundaries = boundaries(SCRAPE);
        Set<Long> prefixes = prefixBytes(SCRAPE);
        int errors = 0;
        for (int i = 0; i < SCRAPE.length; i++) {
            for (int value : new int[] {0x00, 0xff, SCRAPE[i] ^ 0x01}) {
                byte[] input = SCRAPE.clone();
                input[i] = (byte) value;
                try {
                    analyze(input);
                } catch (ProtobufException e) {
                    errors++;
                    if (!prefixes.contains((long) i)) {
                        assertThat(boundaries).as(e.getMessage()).contains(e.offset());
                    }
                    assertThat(e.offset()).as(e.getMessage()).isBetween(0L, (long) input.length - 1);
                    assertThat(e.detail()).as(e.getMessage()).isNotBlank();
                } catch (IOException | RuntimeException e) {
                    fail("byte " + i + " set to " + value + ": " + e, e);
                }
            }
        }
        assertThat(errors).isPositive();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
