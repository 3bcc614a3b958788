package io.dwprom.demo.db;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;

/** The {@code models} table. */
public interface ModelDao {

    @SqlUpdate("INSERT INTO models (name, provider, created_at) VALUES (:name, :provider, :createdAt)")
    @GetGeneratedKeys("id")
    long insert(@Bind("name") String name, @Bind("provider") String provider, @Bind("createdAt") Instant createdAt);
}
