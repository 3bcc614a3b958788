package io.dwprom.demo.core;

import io.dwprom.demo.api.Dataset;
import io.dwprom.demo.db.DatasetDao;
import org.jdbi.v3.core.Jdbi;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;

/** Uploaded datasets: bytes in the {@link DatasetStorage}, a row in {@code datasets}, both or neither. */
public final class Datasets {

    private final Jdbi jdbi;
    private final DatasetStorage storage;
    private final BusinessMetrics metrics;
    private final Clock clock;

    public Datasets(Jdbi jdbi, DatasetStorage storage, BusinessMetrics metrics, Clock clock) {
        this.jdbi = jdbi;
        this.storage = storage;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Streams {@code body} to storage and records it; counts {@code datasets_uploaded_total} and observes
     * {@code dataset_upload_size_bytes}.
     */
    public Dataset upload(String name, InputStream body) {
        try (DatasetStorage.Upload upload = storage.receive(body)) {
            if (upload.sizeBytes() == 0) {
                throw new DomainException(DomainException.Kind.BAD_REQUEST, "the dataset body is empty");
            }
            Instant now = Experiments.now(clock);
            long id = jdbi.inTransaction(handle -> {
                long inserted = handle.attach(DatasetDao.class).insert(name, upload.sizeBytes(), upload.key(), now);
                // Inside the transaction: if the move fails, the row is rolled back.
                upload.moveIntoPlace();
                return inserted;
            });
            upload.keep();
            metrics.datasetUploaded(upload.sizeBytes());
            return new Dataset(id, name, upload.sizeBytes(), now);
        }
    }
}
