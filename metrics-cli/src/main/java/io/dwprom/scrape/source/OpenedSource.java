package io.dwprom.scrape.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/** An input stream together with the name used in messages (file path, URL or "stdin") and the format it is in. */
public record OpenedSource(String name, InputStream stream, ScrapeFormat format) implements Closeable {
    /** A source in a text format (or not a scrape). */
    public OpenedSource(String name, InputStream stream) {
        this(name, stream, ScrapeFormat.TEXT);
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
