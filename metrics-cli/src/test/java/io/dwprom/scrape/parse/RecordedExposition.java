package io.dwprom.scrape.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@link ExpositionParser} reported for one input, in order, as values that compare by content, and
 * the exposition text that renders them again. Exemplars and timestamp values are not reported by the parser, so a
 * rendered sample carries a placeholder timestamp when it had one and no exemplar.
 */
record RecordedExposition(List<Event> events) {

    /** One element reported by the parser. */
    sealed interface Event permits Help, Type, Unit, Line {
        String render();
    }

    record Help(String family, String text) implements Event {
        public String render() {
            return "# HELP " + family + " " + text.replace("\\", "\\\\").replace("\n", "\\n");
        }
    }

    record Type(String family, MetricType type) implements Event {
        public String render() {
            return "# TYPE " + family + " " + type.token();
        }
    }

    record Unit(String family, String unit) implements Event {
        public String render() {
            return "# UNIT " + family + " " + unit;
        }
    }

    /** A sample line; the value is boxed so that NaN equals NaN. */
    record Line(String series, Double value, boolean timestamped) implements Event {
        public String render() {
            return series + " " + value + (timestamped ? " 0" : "");
        }
    }

    /** Parses {@code input}; throws {@link ParseException} when it is malformed. */
    static RecordedExposition parse(byte[] input) throws IOException {
        List<Event> events = new ArrayList<>();
        new ExpositionParser(new ByteArrayInputStream(input), new ExpositionHandler() {
            @Override
            public void help(String family, String text, long line) {
                events.add(new Help(family, text));
            }

            @Override
            public void type(String family, MetricType type, long line) {
                events.add(new Type(family, type));
            }

            @Override
            public void unit(String family, String unit, long line) {
                events.add(new Unit(family, unit));
            }

            @Override
            public void sample(Sample sample) {
                events.add(new Line(sample.seriesText(), sample.value(), sample.hasTimestamp()));
            }
        }).parse();
        return new RecordedExposition(List.copyOf(events));
    }

    /**
     * The events as exposition text. A line whose text ends in a carriage return is terminated by CRLF, since the
     * parser takes one CR before the LF as part of the line ending.
     */
    byte[] render() {
        StringBuilder text = new StringBuilder();
        for (Event event : events) {
            String line = event.render();
            text.append(line).append(line.endsWith("\r") ? "\r\n" : "\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
