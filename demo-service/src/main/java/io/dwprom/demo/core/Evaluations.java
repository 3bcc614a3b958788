package io.dwprom.demo.core;

import io.dwprom.demo.api.Evaluation;
import io.dwprom.demo.api.NewEvaluation;
import io.dwprom.demo.db.EvaluationDao;
import io.dwprom.demo.db.RunDao;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;

/** Scores of runs, one metric at a time. */
public final class Evaluations {

    private final Jdbi jdbi;
    private final BusinessMetrics metrics;
    private final Clock clock;

    public Evaluations(Jdbi jdbi, BusinessMetrics metrics, Clock clock) {
        this.jdbi = jdbi;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Records a score of an existing run; counts {@code evaluations_processed_total}. */
    public Evaluation record(NewEvaluation input) {
        Instant now = Experiments.now(clock);
        long runId = input.runId();
        long id = jdbi.inTransaction(handle -> {
            if (handle.attach(RunDao.class).find(runId).isEmpty()) {
                throw new DomainException(DomainException.Kind.UNPROCESSABLE, "runId " + runId + " is not a run");
            }
            return handle.attach(EvaluationDao.class).insert(runId, input.metric(), input.score(), now);
        });
        metrics.evaluationProcessed();
        return new Evaluation(id, runId, input.metric(), input.score(), now);
    }
}
