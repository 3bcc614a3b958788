package io.dwprom.demo.db;

import io.dwprom.demo.api.Experiment;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code experiments} table. */
@RegisterConstructorMapper(Experiment.class)
public interface ExperimentDao {

    @SqlUpdate("INSERT INTO experiments (name, description, created_at) VALUES (:name, :description, :createdAt)")
    @GetGeneratedKeys("id")
    long insert(@Bind("name") String name, @Bind("description") String description,
                @Bind("createdAt") Instant createdAt);

    @SqlQuery("SELECT id, name, description, created_at FROM experiments WHERE id = :id")
    Optional<Experiment> find(@Bind("id") long id);

    @SqlQuery("SELECT id, name, description, created_at FROM experiments ORDER BY id LIMIT :limit")
    List<Experiment> list(@Bind("limit") int limit);
}
