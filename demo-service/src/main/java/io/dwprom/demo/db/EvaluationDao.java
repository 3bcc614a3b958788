package io.dwprom.demo.db;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;

/** The {@code evaluations} table. */
public interface EvaluationDao {

    @SqlUpdate("INSERT INTO evaluations (run_id, metric, score, created_at) "
            + "VALUES (:runId, :metric, :score, :createdAt)")
    @GetGeneratedKeys("id")
    long insert(@Bind("runId") long runId, @Bind("metric") String metric, @Bind("score") double score,
                @Bind("createdAt") Instant createdAt);
}
