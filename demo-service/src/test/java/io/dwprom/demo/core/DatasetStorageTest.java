package io.dwprom.demo.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetStorageTest {

    @TempDir
    Path directory;

    private long fileCount() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.count();
        }
    }

    @Test
    void aKeptUploadIsAFileNamedByItsKeyWithTheExactBytes() {
        DatasetStorage storage = new DatasetStorage(directory, 100);
        byte[] bytes = {1, 2, 3, 4, 5};

        String key;
        try (DatasetStorage.Upload upload = storage.receive(new ByteArrayInputStream(bytes))) {
            assertThat(upload.sizeBytes()).isEqualTo(5);
            upload.moveIntoPlace();
            upload.keep();
            key = upload.key();
        }

        assertThat(storage.file(key)).hasBinaryContent(bytes);
    }

    @Test
    void anUploadClosedWithoutKeepLeavesNoFileEvenAfterItWasMovedIntoPlace() throws IOException {
        DatasetStorage storage = new DatasetStorage(directory, 100);

        try (DatasetStorage.Upload upload = storage.receive(new ByteArrayInputStream(new byte[10]))) {
            upload.moveIntoPlace();
        }

        assertThat(fileCount()).isZero();
    }

    @Test
    void anUploadOverTheLimitIsRefusedAsTooLargeAndLeavesNoFile() throws IOException {
        DatasetStorage storage = new DatasetStorage(directory, 10);

        assertThatThrownBy(() -> storage.receive(new ByteArrayInputStream(new byte[11])))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.TOO_LARGE));
        assertThat(fileCount()).isZero();
    }

    @Test
    void aBodyThatFailsMidwayIsTheClientsErrorAndLeavesNoFile() throws IOException {
        DatasetStorage storage = new DatasetStorage(directory, 1_000_000);
        InputStream failing = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served++ < 1000) {
                    return 'x';
                }
                throw new IOException("client went away");
            }
        };

        assertThatThrownBy(() -> storage.receive(failing))
                .isInstanceOfSatisfying(DomainException.class,
                        refused -> assertThat(refused.kind()).isEqualTo(DomainException.Kind.BAD_REQUEST))
                .hasMessageContaining("the request body ended before it was complete");
        assertThat(fileCount()).isZero();
    }

    @Test
    void theUploadIsCopiedInBoundedChunksNotReadWhole() {
        DatasetStorage storage = new DatasetStorage(directory, Long.MAX_VALUE);
        int[] largestRead = {0};
        InputStream body = new InputStream() {
            private long left = 1_000_000;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                largestRead[0] = Math.max(largestRead[0], length);
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                left -= n;
                return n;
            }
        };

        try (DatasetStorage.Upload upload = storage.receive(body)) {
            assertThat(upload.sizeBytes()).isEqualTo(1_000_000);
        }
        assertThat(largestRead[0]).isLessThanOrEqualTo(64 * 1024);
    }
}
