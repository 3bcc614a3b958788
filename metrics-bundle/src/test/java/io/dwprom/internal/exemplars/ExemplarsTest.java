package io.dwprom.internal.exemplars;

import com.codahale.metrics.MetricRegistry;
import io.dwprom.bundle.PrometheusFactory;
import io.dwprom.internal.Recorders;
import io.dwprom.metrics.Labels;
import io.dwprom.testapp.Golden;
import io.dwprom.testapp.SampledSpan;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.context.Scope;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundle's duration histograms with the OpenTelemetry API on the class path, as an application has it. */
class ExemplarsTest {

    private static final String TRACE = SampledSpan.TRACE_ID;
    private static final String SPAN = SampledSpan.SPAN_ID;

    private final CollectorRegistry registry = new CollectorRegistry();

    @Test
    void underASampledSpanTheHttpAndDatabaseDurationBucketsCarryItsTraceInOpenMetrics() throws IOException {
        Recorders metrics = bundle(true);

        try (Scope ignored = SampledSpan.makeCurrent()) {
            record(metrics);
        }

        String openMetrics = openMetrics();
        assertThat(openMetrics).containsPattern(Pattern.quote(
                "http_request_duration_seconds_bucket{method=\"GET\",path=\"/experiments/{id}\",le=\"0.001\"} 1.0 # "
                        + "{span_id=\"" + SPAN + "\",trace_id=\"" + TRACE + "\"} ") + "[0-9.E-]+ \\d+\\.\\d{3}\n");
        assertThat(openMetrics).containsPattern(Pattern.quote(
                "db_query_duration_seconds_bucket{query_type=\"select\",table=\"experiments\",le=\"0.001\"} 1.0 # "
                        + "{span_id=\"" + SPAN + "\",trace_id=\"" + TRACE + "\"} 7.0E-4 ") + "\\d+\\.\\d{3}\n");
        assertThat(openMetrics.lines().filter(line -> line.contains(" # {"))).hasSize(2);
        assertThat(textFormat()).doesNotContain(TRACE).doesNotContain("# {");
    }

    @Test
    void anUnsampledSpanLeavesNoExemplar() {
        Recorders metrics = bundle(true);

        try (Scope ignored = SampledSpan.of(TraceFlags.getDefault()).makeCurrent()) {
            record(metrics);
        }

        assertThat(openMetrics()).doesNotContain("# {").contains("http_request_duration_seconds_bucket");
    }

    @Test
    void withoutACurrentSpanThereIsNoExemplar() {
        Recorders metrics = bundle(true);

        record(metrics);

        assertThat(openMetrics()).doesNotContain("# {").contains("db_query_duration_seconds_bucket");
    }

    @Test
    void exemplarsSetToFalseLeavesNoneEvenUnderASampledSpan() {
        Recorders metrics = bundle(false);

        try (Scope ignored = SampledSpan.makeCurrent()) {
            record(metrics);
            metrics.database().recordQueryError("select", "timeout");
        }

        assertThat(openMetrics()).doesNotContain("# {").contains("db_query_errors_total");
    }

    @Test
    void theBundlesCountersCarryNoExemplarsOfTheirOwn() {
        Recorders metrics = bundle(true);

        try (Scope ignored = SampledSpan.makeCurrent()) {
            metrics.database().recordQueryError("select", "timeout");
            metrics.database().recordConnectionError();
            metrics.recordingErrors().record("http", new IllegalStateException("test"));
        }

        assertThat(openMetrics()).doesNotContain("# {").contains("db_query_errors_total{");
    }

    @Test
    void helperFamiliesCarryNoExemplarsWhateverTheSetting() {
        Recorders metrics = bundle(false);

        try (Scope ignored = SampledSpan.makeCurrent()) {
            metrics.helpers().incrementCounter("jobs_started_total", Labels.of("queue", "default"));
            metrics.helpers().observeHistogram("job_duration_seconds", 0.2, Labels.of("queue", "default"));
        }

        assertThat(openMetrics()).doesNotContain("# {").contains("job_duration_seconds_bucket{");
    }

    private Recorders bundle(boolean exemplars) {
        PrometheusFactory config = new PrometheusFactory();
        config.setExemplars(exemplars);
        config.setJvmMetrics(false);
        return Recorders.create(registry, new MetricRegistry(), config);
    }

    private static void record(Recorders metrics) {
        metrics.http().start().finish("GET", "/experiments/{id}", "200"); // well under a millisecond
        metrics.database().recordQuery("select", "experiments", Duration.ofNanos(700_000));
    }

    private String openMetrics() {
        return Golden.openMetrics(registry);
    }

    private String textFormat() throws IOException {
        StringWriter text = new StringWriter();
        TextFormat.write004(text, registry.metricFamilySamples());
        return text.toString();
    }
}
