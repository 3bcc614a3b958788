package io.dwprom.demo.db;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;

/** The {@code datasets} table; the bytes live in the dataset storage under {@code storage_key}. */
public interface DatasetDao {

    @SqlUpdate("INSERT INTO datasets (name, size_bytes, storage_key, created_at) "
            + "VALUES (:name, :sizeBytes, :storageKey, :createdAt)")
    @GetGeneratedKeys("id")
    long insert(@Bind("name") String name, @Bind("sizeBytes") long sizeBytes, @Bind("storageKey") String storageKey,
                @Bind("createdAt") Instant createdAt);
}
