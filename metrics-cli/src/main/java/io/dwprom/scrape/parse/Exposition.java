package io.dwprom.scrape.parse;

import java.io.IOException;
import java.io.InputStream;

/**
 * One exposition, read once into an {@link ExpositionHandler}: the text formats (see {@link ExpositionParser}) or the
 * protobuf format (see {@link ProtobufExposition}). Analyses consume either through the same handler events.
 */
public interface Exposition {
    /**
     * Reports every element to {@code handler}; {@code dialect} says how the text formats are read (the protobuf
     * format has one reading). Malformed input raises a {@link ParseException} (text) or a {@link ProtobufException}.
     */
    void read(ExpositionHandler handler, Dialect dialect) throws IOException;

    /** The text exposition on {@code in}. */
    static Exposition text(InputStream in) {
        return new Text(in);
    }

    /** The text formats, read by {@link ExpositionParser}; a class rather than a lambda, which costs at start. */
    final class Text implements Exposition {
        private final InputStream in;

        private Text(InputStream in) {
            this.in = in;
        }

        @Override
        public void read(ExpositionHandler handler, Dialect dialect) throws IOException {
            new ExpositionParser(in, handler, dialect).parse();
        }
    }
}
