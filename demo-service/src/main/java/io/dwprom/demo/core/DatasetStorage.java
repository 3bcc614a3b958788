package io.dwprom.demo.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Dataset bytes as files in one directory, named by a random key (never by a database id, which an in-memory
 * database reuses after a restart). An upload is streamed to a {@code .part} file with a fixed-size buffer, so
 * no upload is ever held whole in memory, and moved into place only by {@link Upload#moveIntoPlace()}.
 */
public final class DatasetStorage {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path directory;
    private final long maxSizeBytes;

    public DatasetStorage(Path directory, long maxSizeBytes) {
        this.directory = directory;
        this.maxSizeBytes = maxSizeBytes;
    }

    public Path directory() {
        return directory;
    }

    /** The file holding the bytes stored under {@code key}. */
    public Path file(String key) {
        return directory.resolve(key + ".bin");
    }

    /**
     * Streams {@code body} to a temporary file.
     *
     * @throws DomainException of kind {@code TOO_LARGE} past {@code maxSizeBytes}, leaving no file behind
     * @throws DomainException of kind {@code BAD_REQUEST} when the body cannot be read to its end (the client went
     *                         away), leaving no file behind
     * @throws UncheckedIOException when writing the file fails, leaving no file behind
     */
    public Upload receive(InputStream body) {
        String key = UUID.randomUUID().toString();
        Path part = directory.resolve(key + ".part");
        long size = 0;
        try {
            try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE_NEW)) {
                byte[] buffer = new byte[BUFFER_BYTES];
                for (int read = readClientBody(body, buffer); read >= 0; read = readClientBody(body, buffer)) {
                    size += read;
                    if (size > maxSizeBytes) {
                        throw new DomainException(DomainException.Kind.TOO_LARGE,
                                "the dataset is larger than the limit of " + maxSizeBytes + " bytes");
                    }
                    out.write(buffer, 0, read);
                }
            }
            return new Upload(key, part, file(key), size);
        } catch (IOException e) {
            deleteQuietly(part, e);
            throw new UncheckedIOException("Cannot store the dataset in " + directory, e);
        } catch (RuntimeException e) {
            deleteQuietly(part, e);
            throw e;
        }
    }

    /**
     * A read of the request body. It fails when the client goes away before sending the whole body (an aborted
     * chunked upload, a dropped connection): that is the client's doing, a 400 like any incomplete request, not a
     * failure of this service that would log an error and count as a 5xx.
     */
    private static int readClientBody(InputStream body, byte[] buffer) {
        try {
            return body.read(buffer);
        } catch (IOException incomplete) {
            throw new DomainException(DomainException.Kind.BAD_REQUEST,
                    "the request body ended before it was complete: " + incomplete.getMessage());
        }
    }

    private static void deleteQuietly(Path file, Exception cause) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException suppressed) {
            cause.addSuppressed(suppressed);
        }
    }

    /**
     * A received upload. Closing it removes every file it made unless {@link #keep()} was called, so a failure
     * anywhere between receiving and committing the database row leaves nothing behind.
     */
    public static final class Upload implements AutoCloseable {

        private final String key;
        private final Path part;
        private final Path file;
        private final long sizeBytes;
        private boolean kept;

        private Upload(String key, Path part, Path file, long sizeBytes) {
            this.key = key;
            this.part = part;
            this.file = file;
            this.sizeBytes = sizeBytes;
        }

        public String key() {
            return key;
        }

        public long sizeBytes() {
            return sizeBytes;
        }

        /** Gives the file its final name, atomically. */
        public void moveIntoPlace() {
            try {
                Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot move the dataset into place at " + file, e);
            }
        }

        /** Marks the upload as committed: closing it keeps the file. */
        public void keep() {
            kept = true;
        }

        @Override
        public void close() {
            try {
                Files.deleteIfExists(part);
                if (!kept) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot clean up the dataset upload " + key, e);
            }
        }
    }
}
