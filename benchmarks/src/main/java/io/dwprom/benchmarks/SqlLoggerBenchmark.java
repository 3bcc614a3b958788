package io.dwprom.benchmarks;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.jdbi3.InstrumentedSqlLogger;
import com.codahale.metrics.jdbi3.strategies.SmartNameStrategy;
import io.dwprom.internal.Recorders;
import io.dwprom.internal.db.PrometheusSqlLogger;
import io.dwprom.internal.db.SqlStatement;
import io.dwprom.internal.db.SqlStatementClassifier;
import org.jdbi.v3.core.statement.BenchStatementContexts;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Goal 2, SQL: the per-statement cost of {@link PrometheusSqlLogger#logAfterExecution} on a real
 * {@link StatementContext} (SqlObject SQL with its {@code /* Dao.method * /} prefix): classification (cached) and
 * the histogram observation. The wrapped logger is Jdbi's no-op one, so only the bundle is measured; Dropwizard's
 * own {@link InstrumentedSqlLogger} (what JdbiFactory installs) is measured alone for comparison.
 * {@code classifyUncached} is the parse of a statement seen for the first time (once per distinct SQL text).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SqlLoggerBenchmark {

    static final String SQL = "/* ExperimentDao.findById */ SELECT id, name, description, status, created_at "
            + "FROM experiments WHERE id = :id";

    private StatementContext context;
    private SqlLogger bundleLogger;
    private SqlLogger dropwizardLogger;
    private SqlStatementClassifier uncached;

    @Setup
    public void setUp() {
        Recorders metrics = Fixtures.bundle();
        context = BenchStatementContexts.executed(SQL, 350_000);
        bundleLogger = new PrometheusSqlLogger(SqlLogger.NOP_SQL_LOGGER, metrics.database(),
                new SqlStatementClassifier(10_000, 200), metrics.recordingErrors());
        dropwizardLogger = new InstrumentedSqlLogger(new MetricRegistry(), new SmartNameStrategy());
        uncached = new SqlStatementClassifier(0, 200);
    }

    @Benchmark
    public void baselineNopLogger() {
        SqlLogger.NOP_SQL_LOGGER.logAfterExecution(context);
    }

    @Benchmark
    public void bundleLogger() {
        bundleLogger.logAfterExecution(context);
    }

    @Benchmark
    public void dropwizardInstrumentedSqlLogger() {
        dropwizardLogger.logAfterExecution(context);
    }

    @Benchmark
    public SqlStatement classifyUncached() {
        return uncached.classify(SQL);
    }
}
