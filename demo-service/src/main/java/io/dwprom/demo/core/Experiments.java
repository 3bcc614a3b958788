package io.dwprom.demo.core;

import io.dwprom.demo.api.Experiment;
import io.dwprom.demo.api.NewExperiment;
import io.dwprom.demo.api.Run;
import io.dwprom.demo.db.ExperimentDao;
import io.dwprom.demo.db.RunDao;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Experiments and their runs. Every change is one transaction, and the business metrics are recorded only once
 * it has committed, so a refused or failed request never counts.
 */
public final class Experiments {

    private final Jdbi jdbi;
    private final BusinessMetrics metrics;
    private final Clock clock;

    public Experiments(Jdbi jdbi, BusinessMetrics metrics, Clock clock) {
        this.jdbi = jdbi;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Stores a new experiment; counts {@code experiments_created_total}. */
    public Experiment create(NewExperiment input) {
        Instant now = now(clock);
        long id = jdbi.withExtension(ExperimentDao.class, dao -> dao.insert(input.name(), input.description(), now));
        metrics.experimentCreated();
        return new Experiment(id, input.name(), input.description(), now);
    }

    public List<Experiment> list(int limit) {
        return jdbi.withExtension(ExperimentDao.class, dao -> dao.list(limit));
    }

    public Experiment find(long id) {
        return jdbi.withExtension(ExperimentDao.class, dao -> dao.find(id))
                .orElseThrow(() -> DomainException.notFound("experiment", id));
    }

    /** Starts a run of an existing experiment; counts {@code experiment_runs_total{status="running"}}. */
    public Run startRun(long experimentId) {
        Instant now = now(clock);
        Run run = jdbi.inTransaction(handle -> {
            if (handle.attach(ExperimentDao.class).find(experimentId).isEmpty()) {
                throw DomainException.notFound("experiment", experimentId);
            }
            long id = handle.attach(RunDao.class).insertRunning(experimentId, now);
            return new Run(id, experimentId, Run.RUNNING, now, null);
        });
        metrics.experimentRun(Run.RUNNING);
        return run;
    }

    /**
     * Completes a running run as {@code success} or {@code failed}; counts {@code experiment_runs_total} and
     * {@code experiments_completed_total} under that status and observes {@code experiment_duration_seconds}
     * (time since the run started).
     */
    public Run completeRun(long runId, String status) {
        Instant now = now(clock);
        Run run = jdbi.inTransaction(handle -> {
            RunDao runs = handle.attach(RunDao.class);
            if (runs.complete(runId, status, now) == 0) {
                Run existing = runs.find(runId).orElseThrow(() -> DomainException.notFound("run", runId));
                throw new DomainException(DomainException.Kind.CONFLICT,
                        "run " + runId + " is already completed as " + existing.status());
            }
            return runs.find(runId).orElseThrow();
        });
        metrics.experimentRun(status);
        metrics.experimentCompleted(status);
        metrics.experimentDuration(run.duration());
        return run;
    }

    /** The clock's time at the precision both H2 and PostgreSQL store, so what we return is what we stored. */
    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
