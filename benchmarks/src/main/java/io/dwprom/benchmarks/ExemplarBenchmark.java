package io.dwprom.benchmarks;

import io.dwprom.bundle.PrometheusMetrics;
import io.dwprom.core.Buckets;
import io.dwprom.core.CardinalityGuard;
import io.dwprom.core.StripedHistogram;
import io.dwprom.db.PrometheusSqlLogger;
import io.dwprom.db.SqlStatementClassifier;
import io.dwprom.exemplars.Exemplars;
import io.dwprom.http.HttpMetrics;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Histogram;
import io.prometheus.client.exemplars.DefaultExemplarSampler;
import io.prometheus.client.exemplars.HistogramExemplarSampler;
import io.prometheus.client.exemplars.tracer.otel.OpenTelemetrySpanContextSupplier;
import org.jdbi.v3.core.statement.BenchStatementContexts;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Exemplars on the request path, with no current span and with a sampled one ({@code span}): the HTTP recorder
 * and the SQL logger as the bundle installs them ({@code exemplars: true}, compare with
 * {@link HttpRecorderBenchmark#bundle} and {@link SqlLoggerBenchmark#bundleLogger} of a build without exemplars),
 * and the design choice for one duration observation: the bundle's striped histogram with its span-first sampler,
 * the same with simpleclient's {@code DefaultExemplarSampler}, and simpleclient's own {@code Histogram} with and
 * without that sampler. The span is made current on the benchmark thread for each iteration. Run with
 * {@code -t 1}: each thread has recorders of its own.
 */
@State(org.openjdk.jmh.annotations.Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExemplarBenchmark {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";
    private static final long NANOS = 2_000_000;

    @Param({"none", "sampled"})
    public String span;

    private Scope scope;
    private HttpMetrics http;
    private SqlLogger sqlLogger;
    private StatementContext statement;
    private StripedHistogram.Series stripedSpanSampler;
    private StripedHistogram.Series stripedDefaultSampler;
    private Histogram.Child simpleclientExemplars;
    private Histogram.Child simpleclientNoExemplars;

    @Setup
    public void setUp() {
        PrometheusMetrics bundle = Fixtures.bundle();
        http = bundle.http();
        sqlLogger = new PrometheusSqlLogger(SqlLogger.NOP_SQL_LOGGER, bundle.database(),
                new SqlStatementClassifier(10_000, 200), bundle.recordingErrors());
        statement = BenchStatementContexts.executed(SqlLoggerBenchmark.SQL, 350_000);
        CollectorRegistry registry = new CollectorRegistry();
        CardinalityGuard guard = new CardinalityGuard(registry, 100);
        double[] buckets = Buckets.toArray(Buckets.HTTP_DURATION_SECONDS);
        HistogramExemplarSampler defaultSampler = new DefaultExemplarSampler(new OpenTelemetrySpanContextSupplier());
        stripedSpanSampler = new StripedHistogram(registry, guard, "striped_span_seconds", "h", List.of("path"),
                buckets, 1e9, Exemplars.sampler(true).orElseThrow()).labels("/");
        stripedDefaultSampler = new StripedHistogram(registry, guard, "striped_default_seconds", "h",
                List.of("path"), buckets, 1e9, defaultSampler).labels("/");
        simpleclientExemplars = Histogram.build("simpleclient_exemplars_seconds", "h").labelNames("path")
                .buckets(buckets).withExemplarSampler(defaultSampler).register(registry).labels("/");
        simpleclientNoExemplars = Histogram.build("simpleclient_seconds", "h").labelNames("path")
                .buckets(buckets).withoutExemplars().register(registry).labels("/");
    }

    /** Runs on the thread that then runs the iteration's invocations, so the span is current where they run. */
    @Setup(Level.Iteration)
    public void makeSpanCurrent() {
        if (span.equals("sampled")) {
            scope = Span.wrap(SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(), TraceState.getDefault()))
                    .makeCurrent();
        }
    }

    /** Fails the run if the iteration's span was not current on this thread: the invocations would not have seen it. */
    @TearDown(Level.Iteration)
    public void closeSpan() {
        if (scope != null) {
            if (!Span.current().getSpanContext().getTraceId().equals(TRACE)) {
                throw new IllegalStateException("The sampled span was not current on the benchmark thread");
            }
            scope.close();
            scope = null;
        }
    }

    @Benchmark
    public boolean httpRecorder() {
        return http.start().finish("GET", "/experiments/{id}", "200");
    }

    @Benchmark
    public void sqlLogger() {
        sqlLogger.logAfterExecution(statement);
    }

    @Benchmark
    public void stripedSpanFirstSampler() {
        stripedSpanSampler.observe(NANOS);
    }

    @Benchmark
    public void stripedDefaultExemplarSampler() {
        stripedDefaultSampler.observe(NANOS);
    }

    @Benchmark
    public void simpleclientHistogramWithExemplars() {
        simpleclientExemplars.observe(NANOS / 1e9);
    }

    @Benchmark
    public void simpleclientHistogramWithoutExemplars() {
        simpleclientNoExemplars.observe(NANOS / 1e9);
    }
}
