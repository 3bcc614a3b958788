package io.dwprom.lint.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Closes the underlying stream when the deadline passes, turning a stalled body read into a timeout. */
final class DeadlineInputStream extends FilterInputStream {
    private final String name;
    private final Duration timeout;
    private final ScheduledFuture<?> closer;
    private volatile boolean expired;

    DeadlineInputStream(InputStream in, String name, Duration timeout, long deadlineNanos, ScheduledExecutorService timer) {
        super(in);
        this.name = name;
        this.timeout = timeout;
        long delay = Math.max(0, deadlineNanos - System.nanoTime());
        this.closer = timer.schedule(this::expire, delay, TimeUnit.NANOSECONDS);
    }

    private void expire() {
        expired = true;
        try {
            in.close();
        } catch (IOException ignored) {
            // the reader sees the failure and reports the timeout
        }
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
        if (expired) {
            throw timedOut();
        }
        return result;
    }

    private IOException translate(IOException e) {
        return expired ? timedOut() : e;
    }

    private SourceException timedOut() {
        return new SourceException(name + ": timed out after " + UrlSource.describe(timeout) + " (--timeout)");
    }

    @Override
    public void close() throws IOException {
        closer.cancel(false);
        super.close();
    }
}
