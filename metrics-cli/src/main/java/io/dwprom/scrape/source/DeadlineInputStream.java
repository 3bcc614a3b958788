package io.dwprom.scrape.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A response body read under its URL's deadline ({@link Deadlines}): once the deadline passes, every read fails with
 * the timeout, naming the URL and {@code --timeout}.
 */
final class DeadlineInputStream extends FilterInputStream {
    private final Deadlines.Watch watch;
    private final String timeoutMessage;

    DeadlineInputStream(InputStream in, Deadlines.Watch watch, String timeoutMessage) {
        super(in);
        this.watch = watch;
        this.timeoutMessage = timeoutMessage;
        watch.closeAtDeadline(in);
    }

    @Override
    public int read() throws IOException {
        try {
            return check(super.read());
        } catch (IOException e) {
            throw translate(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return check(super.read(b, off, len));
        } catch (IOException e) {
            throw translate(e);
        }
    }

    private int check(int result) throws SourceException {
        if (watch.expired) {
            throw timedOut();
        }
        return result;
    }

    private IOException translate(IOException e) {
        return watch.expired ? timedOut() : e;
    }

    private SourceException timedOut() {
        Thread.interrupted(); // the deadline's interrupt has done its work
        return new SourceException(timeoutMessage);
    }

    @Override
    public void close() throws IOException {
        watch.end();
        super.close();
    }
}
