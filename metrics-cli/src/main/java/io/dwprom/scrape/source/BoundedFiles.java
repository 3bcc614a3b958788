package io.dwprom.scrape.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a whole input file held in memory (a configuration, rule file, dashboard, query file or credentials file)
 * under a size cap, so that a huge file, or a device such as {@code /dev/zero}, is a clear error rather than an
 * exhausted heap. Only the cap plus one byte is ever read.
 */
public final class BoundedFiles {
    private BoundedFiles() {
    }

    /**
     * The bytes of {@code file}; a file larger than {@code limit} bytes is a {@link SourceException}
     * "FILE: larger than the limit of N for WHAT", a file that cannot be read "FILE: no such file" or
     * "FILE: cannot read: reason".
     */
    public static byte[] read(Path file, long limit, String what) throws SourceException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        } catch (NoSuchFileException e) {
            throw new SourceException(file + ": no such file");
        } catch (IOException e) {
            throw new SourceException(file + ": cannot read: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
        if (bytes.length > limit) {
            throw new SourceException(file + ": larger than the limit of " + size(limit) + " for " + what);
        }
        return bytes;
    }

    /** {@code n} bytes in the largest binary unit that divides it: "64 KiB", "3 MiB", "1000 bytes". */
    public static String size(long n) {
        if (n >= 1 << 20 && n % (1 << 20) == 0) {
            return (n >> 20) + " MiB";
        }
        if (n >= 1 << 10 && n % (1 << 10) == 0) {
            return (n >> 10) + " KiB";
        }
        return n + " bytes";
    }
}
