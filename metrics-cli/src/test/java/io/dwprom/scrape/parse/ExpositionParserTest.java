package io.dwprom.scrape.parse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpositionParserTest {

    /** Records every event as a line of text. */
    private static List<String> events(String exposition) throws IOException {
        List<String> events = new ArrayList<>();
        ExpositionHandler handler = new ExpositionHandler() {
            @Override
            public void help(String family, String text, long line) {
                events.add("HELP " + family + " [" + text + "]");
            }

            @Override
            public void type(String family, MetricType type, long line) {
                events.add("TYPE " + family + " " + type);
            }

            @Override
            public void unit(String family, String unit, long line) {
                events.add("UNIT " + family + " " + unit);
            }

            @Override
            public void sample(Sample s) {
                events.add(s.seriesText() + " " + s.value() + (s.hasTimestamp() ? " ts" : "") + " @" + s.line());
            }
        };
        new ExpositionParser(new ByteArrayInputStream(exposition.getBytes(StandardCharsets.UTF_8)), handler).parse();
        return events;
    }

    @Test
    void unitTextIsDecodedAsUtf8LikeHelpText() throws IOException {
        assertThat(events("# HELP d_seconds Dauer in µs\n# UNIT d_seconds µs\n"))
                .containsExactly("HELP d_seconds [Dauer in µs]", "UNIT d_seconds µs");
    }

    @Test
    void textFormatWithHelpTypeLabelsAndTimestampsIsParsed() throws IOException {
        assertThat(events("# HELP http_requests_total Requests \\\\ handled\\nin total.\n"
                + "# TYPE http_requests_total counter\n"
                + "http_requests_total{method=\"get\",code=\"200\"} 1027 1395066363000\n"
                + "\n# a plain comment\n"
                + "http_requests_total{method=\"post\",code=\"400\",} 3\n"))
                .containsExactly(
                        "HELP http_requests_total [Requests \\ handled\nin total.]",
                        "TYPE http_requests_total COUNTER",
                        "http_requests_total{method=\"get\",code=\"200\"} 1027.0 ts @3",
                        "http_requests_total{method=\"post\",code=\"400\"} 3.0 @6");
    }

    @Test
    void labelValueEscapesAreUnescaped() throws IOException {
        assertThat(events("msdos_file_access_time_seconds{path=\"C:\\\\DIR\\\\FILE.TXT\",error=\"Cannot find file:\\n\\\"FILE.TXT\\\"\"} 1.458255915e9\n"))
                .containsExactly("msdos_file_access_time_seconds{path=\"C:\\\\DIR\\\\FILE.TXT\",error=\"Cannot find file:\\n\\\"FILE.TXT\\\"\"} 1.458255915E9 @1");
    }

    @Test
    void specialFloatValuesAreAccepted() throws IOException {
        assertThat(events("a NaN\nb +Inf\nc -Inf\nd 1e-3\ne -0.5\n"))
                .containsExactly("a NaN @1", "b Infinity @2", "c -Infinity @3", "d 0.001 @4", "e -0.5 @5");
    }

    @Test
    void openMetricsUnitExemplarsAndEofAreUnderstood() throws IOException {
        assertThat(events("# TYPE foo_seconds histogram\n# UNIT foo_seconds seconds\n"
                + "foo_seconds_bucket{le=\"0.1\"} 8 # {trace_id=\"KOO5S4vxi0o\"} 0.067 1520879607.789\n"
                + "foo_seconds_count 17 1520430000.123\n# EOF\n"))
                .containsExactly("TYPE foo_seconds HISTOGRAM", "UNIT foo_seconds seconds",
                        "foo_seconds_bucket{le=\"0.1\"} 8.0 @3", "foo_seconds_count 17.0 ts @4");
    }

    @Test
    void crlfLineEndingsAreAccepted() throws IOException {
        assertThat(events("# TYPE a gauge\r\na{x=\"1\"} 2\r\n")).containsExactly("TYPE a GAUGE", "a{x=\"1\"} 2.0 @2");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "a{b=\"c\" 1\\n          | 1 | 9  | expected ',' or '}' after the value of label \"b\"",
            "a{=\"c\"} 1\\n           | 1 | 3  | expected a label name, found '='",
            "a{b=c} 1\\n             | 1 | 5  | expected '\"' to start the value of label \"b\"",
            "a{b\"c\"} 1\\n           | 1 | 4  | expected '=' after label name \"b\"",
            "a{b=\"c\\\\q\"} 1\\n     | 1 | 7  | invalid escape sequence '\\q'",
            "a one\\n                | 1 | 3  | expected a float as sample value, found \"one\"",
            "a 1 xyz\\n              | 1 | 5  | expected a float as timestamp",
            "a\\n                    | 1 | 2  | expected a sample value",
            "ok 1\\n{a=\"b\"} 1\\n   | 2 | 1  | a label set without a metric name",
            "a{b=\"1\",b=\"2\"} 1\\n | 1 | 9  | duplicate label name \"b\"",
            "a 1\\n# EOF\\nb 2\\n     | 3 | 1  | unexpected content after \"# EOF\"",
            "# TYPE a bogus\\n        | 1 | 10 | unknown metric type \"bogus\"",
            "a 1                     | 1 | 4  | not terminated by a newline",
    })
    void malformedInputIsReportedWithLineAndColumn(String input, long line, int column, String expected) {
        String text = input.replace("\\n", "\n").replace("\\\\", "\\");
        assertThatThrownBy(() -> events(text))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.column()).isEqualTo(column);
                    assertThat(e.detail()).contains(expected);
                });
    }

    @Test
    void linesLongerThanTheCapAreRejected() {
        String longLine = "a{b=\"" + "x".repeat(5000) + "\"} 1\n";
        assertThatThrownBy(() -> new ExpositionParser(new ByteArrayInputStream(longLine.getBytes(StandardCharsets.UTF_8)),
                new RecordingHandler(), Dialect.OPENMETRICS, 1024).parse())
                .isInstanceOf(ParseException.class).hasMessageContaining("longer than the limit of 1024 bytes");
    }

    @Test
    void binaryGarbageIsRejected() {
        byte[] garbage = {(byte) 0x1f, (byte) 0x8b, 0x08, 0x00, (byte) 0xff, '\n'};
        assertThatThrownBy(() -> new ExpositionParser(new ByteArrayInputStream(garbage), new RecordingHandler()).parse())
                .isInstanceOf(ParseException.class).hasMessageContaining("line 1, column 1: expected a metric name or '#', found byte 0x1f");
    }

    @Test
    void invalidUtf8InLabelValuesIsRejected() {
        byte[] input = {'a', '{', 'b', '=', '"', (byte) 0xc3, '"', '}', ' ', '1', '\n'};
        assertThatThrownBy(() -> new ExpositionParser(new ByteArrayInputStream(input), new RecordingHandler()).parse())
                .isInstanceOf(ParseException.class).hasMessageContaining("not valid UTF-8");
    }

    /** Counts samples only. */
    private static final class RecordingHandler implements ExpositionHandler {
        int samples;

        @Override
        public void help(String family, String text, long line) {
        }

        @Override
        public void type(String family, MetricType type, long line) {
        }

        @Override
        public void unit(String family, String unit, long line) {
        }

        @Override
        public void sample(Sample sample) {
            samples++;
        }
    }
}
