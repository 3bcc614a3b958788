package io.dwprom.demo.db;

import io.dwprom.demo.api.Run;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.Optional;

/** The {@code experiment_runs} table. */
@RegisterConstructorMapper(Run.class)
public interface RunDao {

    @SqlUpdate("INSERT INTO experiment_runs (experiment_id, status, started_at) "
            + "VALUES (:experimentId, 'running', :startedAt)")
    @GetGeneratedKeys("id")
    long insertRunning(@Bind("experimentId") long experimentId, @Bind("startedAt") Instant startedAt);

    @SqlQuery("SELECT id, experiment_id, status, started_at, completed_at FROM experiment_runs WHERE id = :id")
    Optional<Run> find(@Bind("id") long id);

    /** Completes a running run; 0 when the run is absent or no longer running, so two completions cannot both win. */
    @SqlUpdate("UPDATE experiment_runs SET status = :status, completed_at = :completedAt "
            + "WHERE id = :id AND status = 'running'")
    int complete(@Bind("id") long id, @Bind("status") String status, @Bind("completedAt") Instant completedAt);
}
