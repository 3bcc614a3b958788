package io.dwprom.scrape.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails with a {@link SourceException} once more than {@code maxBytes} have been read. */
final class LimitedInputStream extends FilterInputStream {
    private final long maxBytes;
    private final String name;
    private long read;

    LimitedInputStream(InputStream in, long maxBytes, String name) {
        super(in);
        this.maxBytes = maxBytes;
        this.name = name;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws SourceException {
        read += n;
        if (read > maxBytes) {
            throw new SourceException(name + ": input is larger than the limit of " + maxBytes + " bytes (--max-bytes)");
        }
    }
}
