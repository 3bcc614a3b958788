package io.dwprom.lint.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/** An input stream together with the name used in messages (file path, URL or "stdin"). */
public record OpenedSource(String name, InputStream stream) implements Closeable {
    @Override
    public void close() throws IOException {
        stream.close();
    }
}
