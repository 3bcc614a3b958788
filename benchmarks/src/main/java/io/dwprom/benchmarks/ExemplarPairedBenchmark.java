package io.dwprom.benchmarks;

import com.codahale.metrics.MetricRegistry;
import io.dwprom.bundle.PrometheusFactory;
import io.dwprom.internal.Recorders;
import io.dwprom.internal.core.Buckets;
import io.dwprom.internal.core.CardinalityGuard;
import io.dwprom.internal.core.StripedHistogram;
import io.dwprom.internal.db.PrometheusSqlLogger;
import io.dwprom.internal.db.SqlStatementClassifier;
import io.dwprom.internal.exemplars.Exemplars;
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
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The cost of exemplars on the request path, paired in one JVM as {@link JerseyPairedBenchmark} pairs whole
 * requests: per operation, a batch of {@value #BATCH} recordings into a bundle with {@code exemplars: false}
 * ({@code off}: the recording path without exemplars) and the same into one with {@code exemplars: true}
 * ({@code dwprom}), in alternating order, each batch timed on its own, with no current span or a sampled one
 * ({@code span}). A batch is timed in the thread's CPU time ({@link PairedNanos#measure}).
 * {@code benchmarks/scripts/paired_summary.py} reads the counters: the median difference per recording is what
 * exemplars add. Run with {@code -t 1}.
 */
@State(org.openjdk.jmh.annotations.Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(3)
public class ExemplarPairedBenchmark {

    private static final int BATCH = 2_000;
    private static final long OBSERVED_NANOS = 2_000_000;

    /**
     * {@code http}, {@code sql}: the bundle's recorders. The design alternatives, one duration observation each:
     * {@code striped} (the bundle's striped histogram and its span-first sampler), {@code stripedDefaultSampler}
     * (the same cells with simpleclient's {@code DefaultExemplarSampler}), {@code simpleclient} (simpleclient's
     * {@code Histogram} with that sampler); {@code off} is then the same histogram without exemplars.
     */
    @Param({"http", "sql", "striped", "stripedDefaultSampler", "simpleclient"})
    public String recorder;

    @Param({"none", "sampled"})
    public String span;

    private Runnable off;
    private Runnable dwprom;
    private Scope scope;

    @Setup
    public void setUp() {
        off = recording(false);
        dwprom = recording(true);
    }

    private Runnable recording(boolean exemplars) {
        double[] buckets = Buckets.toArray(Buckets.HTTP_DURATION_SECONDS);
        CollectorRegistry registry = new CollectorRegistry();
        HistogramExemplarSampler defaultSampler = new DefaultExemplarSampler(new OpenTelemetrySpanContextSupplier());
        switch (recorder) {
            case "striped", "stripedDefaultSampler" -> {
                HistogramExemplarSampler sampler = !exemplars ? null
                        : recorder.equals("striped") ? Exemplars.sampler(true).orElseThrow() : defaultSampler;
                StripedHistogram.Series series = new StripedHistogram(registry, new CardinalityGuard(registry, 10),
                        "duration_seconds", "h", List.of("path"), buckets, 1e9, sampler).labels("/");
                return () -> series.observe(OBSERVED_NANOS);
            }
            case "simpleclient" -> {
                Histogram.Builder builder = Histogram.build("duration_seconds", "h").labelNames("path").buckets(buckets);
                Histogram.Child child = (exemplars ? builder.withExemplarSampler(defaultSampler)
                        : builder.withoutExemplars()).register(registry).labels("/");
                return () -> child.observe(OBSERVED_NANOS / 1e9);
            }
            default -> {
                return bundleRecording(exemplars);
            }
        }
    }

    private Runnable bundleRecording(boolean exemplars) {
        PrometheusFactory config = new PrometheusFactory();
        config.setExemplars(exemplars);
        Recorders bundle = Recorders.create(new CollectorRegistry(), new MetricRegistry(), config);
        if (recorder.equals("http")) {
            return () -> bundle.http().start().finish("GET", "/experiments/{id}", "200");
        }
        SqlLogger logger = new PrometheusSqlLogger(SqlLogger.NOP_SQL_LOGGER, bundle.database(),
                new SqlStatementClassifier(10_000, 200), bundle.recordingErrors());
        StatementContext statement = BenchStatementContexts.executed(SqlLoggerBenchmark.SQL, 350_000);
        return () -> logger.logAfterExecution(statement);
    }

    /** On the thread that then runs the iteration, so the span is current where the recordings run. */
    @Setup(Level.Iteration)
    public void makeSpanCurrent() {
        if (span.equals("sampled")) {
            scope = Span.wrap(SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
                    TraceFlags.getSampled(), TraceState.getDefault())).makeCurrent();
        }
    }

    @TearDown(Level.Iteration)
    public void closeSpan() {
        if (scope != null) {
            scope.close();
            scope = null;
        }
    }

    @Benchmark
    public void recordPair(PairedNanos nanos) {
        nanos.measure(off, dwprom, BATCH);
    }
}
