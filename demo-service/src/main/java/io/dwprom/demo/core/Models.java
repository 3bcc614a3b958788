package io.dwprom.demo.core;

import io.dwprom.demo.api.Model;
import io.dwprom.demo.api.NewModel;
import io.dwprom.demo.db.ModelDao;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;

/** The model registry. */
public final class Models {

    private final Jdbi jdbi;
    private final BusinessMetrics metrics;
    private final Clock clock;

    public Models(Jdbi jdbi, BusinessMetrics metrics, Clock clock) {
        this.jdbi = jdbi;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Registers a model; counts {@code models_registered_total}. */
    public Model register(NewModel input) {
        Instant now = Experiments.now(clock);
        long id = jdbi.withExtension(ModelDao.class, dao -> dao.insert(input.name(), input.provider(), now));
        metrics.modelRegistered();
        return new Model(id, input.name(), input.provider(), now);
    }
}
