package io.dwprom.internal.exposition;

import java.io.Writer;

/**
 * A {@link Writer} over an unsynchronised {@link StringBuilder}: {@code StringWriter} synchronises every write
 * on its {@code StringBuffer}, which showed as a third of a 10,000-series render (see BENCHMARKS.md).
 */
final class StringBuilderWriter extends Writer {

    private final StringBuilder text;

    StringBuilderWriter(int capacity) {
        this.text = new StringBuilder(capacity);
    }

    @Override
    public void write(char[] buffer, int offset, int length) {
        text.append(buffer, offset, length);
    }

    @Override
    public void write(String string) {
        text.append(string);
    }

    @Override
    public void write(String string, int offset, int length) {
        text.append(string, offset, offset + length);
    }

    @Override
    public void write(int c) {
        text.append((char) c);
    }

    @Override
    public void flush() {
        // Nothing is buffered beyond the builder itself.
    }

    @Override
    public void close() {
        // Nothing to release.
    }

    int length() {
        return text.length();
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
