package io.dwprom.demo;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.lifecycle.Managed;
import io.dwprom.demo.core.DatasetStorage;
import jakarta.validation.constraints.Min;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The {@code datasets} section: where uploaded dataset bytes are stored.
 *
 * <table>
 * <caption>Keys</caption>
 * <tr><th>key</th><th>default</th><th>description</th></tr>
 * <tr><td>storageDir</td><td>(blank)</td><td>directory of the uploaded files, created if missing; blank means a
 * fresh temporary directory deleted at shutdown, which matches the default in-memory database (both live as
 * long as the process)</td></tr>
 * <tr><td>maxSizeBytes</td><td>1073741824 (1 GiB)</td><td>larger uploads are refused with 413 and leave
 * nothing behind</td></tr>
 * </table>
 */
public class DatasetStorageFactory {

    private String storageDir = "";
    @Min(1)
    private long maxSizeBytes = 1L << 30;

    @JsonProperty
    public String getStorageDir() {
        return storageDir;
    }

    @JsonProperty
    public void setStorageDir(String storageDir) {
        this.storageDir = storageDir;
    }

    @JsonProperty
    public long getMaxSizeBytes() {
        return maxSizeBytes;
    }

    @JsonProperty
    public void setMaxSizeBytes(long maxSizeBytes) {
        this.maxSizeBytes = maxSizeBytes;
    }

    /**
     * Creates the storage directory (or a temporary one) and returns the storage; {@code lifecycle} receives the
     * clean-up of a temporary directory.
     */
    public DatasetStorage build(Consumer<Managed> lifecycle) {
        try {
            if (storageDir == null || storageDir.isBlank()) {
                Path temporary = Files.createTempDirectory("demo-datasets-");
                lifecycle.accept(new Managed() {
                    @Override
                    public void stop() throws IOException {
                        deleteRecursively(temporary);
                    }
                });
                return new DatasetStorage(temporary, maxSizeBytes);
            }
            return new DatasetStorage(Files.createDirectories(Path.of(storageDir)), maxSizeBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the dataset storage directory '" + storageDir + "'", e);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
