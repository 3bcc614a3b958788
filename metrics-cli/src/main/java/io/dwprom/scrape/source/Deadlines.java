package io.dwprom.scrape.source;

import java.io.Closeable;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The one thread that enforces {@code --timeout} on URL reads, created with the first URL read (never for a file or
 * stdin) and kept alive whatever happens to the rest of the process.
 *
 * <p>At a read's deadline it marks the read expired, closes its stream and interrupts the reading thread, which then
 * fails with a timeout. Should that thread not get there (the HTTP client's own threads can die of an
 * {@link OutOfMemoryError}, leaving a reader waiting for data that never comes), the process is ended
 * {@link #HALT_AFTER_NANOS} later with the timeout message and exit code 2, written from bytes prepared when the read
 * began. The loop allocates nothing and survives any {@link Throwable}.
 */
final class Deadlines implements Runnable {
    /** How long after a deadline a reader that has not given up is left before the process is ended. */
    static final long HALT_AFTER_NANOS = 2_000_000_000L;
    /** The exit code when the process is ended at a deadline: an input error. */
    private static final int EXIT_INPUT_ERROR = 2;
    private static final int SLOTS = 16;

    private static final Deadlines INSTANCE = start();

    private final Watch[] watches = new Watch[SLOTS];
    private final FileOutputStream stderr = new FileOutputStream(FileDescriptor.err);

    private Deadlines() {
    }

    /** Set when a thread other than the reader died of an {@link OutOfMemoryError}: the HTTP client's, say. */
    private static volatile boolean heapExhausted;

    private static Deadlines start() {
        // A thread of the HTTP client that dies (of an OutOfMemoryError, typically) shows as a failed read in the
        // reader's thread; the reader says what happened, in one line, so the JVM's stack trace is not printed.
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (e instanceof OutOfMemoryError) {
                heapExhausted = true;
            }
        });
        Deadlines deadlines = new Deadlines();
        Thread t = new Thread(deadlines, "metrics-lint-deadline");
        t.setDaemon(true);
        t.start();
        return deadlines;
    }

    /** Whether a thread other than the reader died for want of heap since the first URL was read. */
    static boolean heapExhausted() {
        return heapExhausted;
    }

    /** Watches a read by the current thread that must end by {@code deadlineNanos} ({@link System#nanoTime()}). */
    static Watch watch(long deadlineNanos, String timeoutMessage) throws SourceException {
        Watch w = new Watch(deadlineNanos, Thread.currentThread(),
                ("metrics-lint: " + timeoutMessage + "\n").getBytes(StandardCharsets.UTF_8));
        INSTANCE.add(w);
        return w;
    }

    /** One watched read. */
    static final class Watch {
        final long deadline;
        final Thread reader;
        final byte[] haltMessage;
        volatile boolean expired;
        volatile Closeable stream;

        private Watch(long deadline, Thread reader, byte[] haltMessage) {
            this.deadline = deadline;
            this.reader = reader;
            this.haltMessage = haltMessage;
        }

        /** The stream to close at the deadline. */
        void closeAtDeadline(Closeable s) {
            stream = s;
        }

        /** The read is over, whatever its outcome. */
        void end() {
            INSTANCE.remove(this);
        }
    }

    private synchronized void add(Watch w) throws SourceException {
        for (int i = 0; i < SLOTS; i++) {
            if (watches[i] == null) {
                watches[i] = w;
                notifyAll();
                return;
            }
        }
        throw new SourceException("too many URLs read at once");
    }

    private synchronized void remove(Watch w) {
        for (int i = 0; i < SLOTS; i++) {
            if (watches[i] == w) {
                watches[i] = null;
            }
        }
    }

    @Override
    public void run() {
        while (true) {
            try {
                tick();
            } catch (Throwable ignored) {
                // this thread must outlive anything, an OutOfMemoryError included: try again
            }
        }
    }

    private synchronized void tick() throws InterruptedException {
        long now = System.nanoTime();
        long next = Long.MAX_VALUE;
        for (int i = 0; i < SLOTS; i++) {
            Watch w = watches[i];
            if (w == null) {
                continue;
            }
            if (!w.expired && now - w.deadline >= 0) {
                expire(w);
            }
            if (w.expired && now - (w.deadline + HALT_AFTER_NANOS) >= 0) {
                halt(w);
            }
            long due = w.expired ? w.deadline + HALT_AFTER_NANOS : w.deadline;
            next = Math.min(next, Math.max(1, due - now));
        }
        if (next == Long.MAX_VALUE) {
            wait();
        } else {
            wait(Math.max(1, next / 1_000_000), 0);
        }
    }

    private static void expire(Watch w) {
        w.expired = true;
        try {
            Closeable s = w.stream;
            if (s != null) {
                s.close();
            }
        } catch (Throwable ignored) {
            // the reader is interrupted below; failing that, the process ends
        }
        w.reader.interrupt();
    }

    private void halt(Watch w) {
        try {
            stderr.write(w.haltMessage);
        } catch (Throwable ignored) {
            // the exit code still says it
        }
        Runtime.getRuntime().halt(EXIT_INPUT_ERROR);
    }
}
