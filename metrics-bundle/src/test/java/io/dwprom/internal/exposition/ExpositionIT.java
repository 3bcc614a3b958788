package io.dwprom.internal.exposition;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dwprom.metrics.Labels;
import io.dwprom.metrics.MetricHelpers;
import io.dwprom.testapp.RunningApp;
import io.dwprom.testapp.ScrapedMetrics;
import io.dwprom.testapp.TestConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/** The endpoint on the admin port: every family, both formats, and the batch guarantee over real scrapes. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ExpositionIT {

    private static final RunningApp APP = RunningApp.create();
    @RegisterExtension
    static final DropwizardAppExtension<TestConfiguration> EXTENSION = APP.extension();

    /** Families of the specification, by the name their TYPE line carries in text format 0.0.4. */
    private static final Map<String, String> SPECIFIED_FAMILIES = Map.ofEntries(
            entry("http_requests_total", "counter"),
            entry("http_request_duration_seconds", "histogram"),
            entry("http_requests_in_flight", "gauge"),
            entry("http_request_size_bytes", "histogram"),
            entry("http_response_size_bytes", "histogram"),
            entry("db_query_duration_seconds", "histogram"),
            entry("db_connections_active", "gauge"),
            entry("db_connection_errors_total", "counter"),
            entry("db_query_errors_total", "counter"),
            entry("process_cpu_seconds_total", "counter"),
            entry("process_resident_memory_bytes", "gauge"),
            entry("process_open_fds", "gauge"),
            entry("process_start_time_seconds", "gauge"));

    @Test
    void everyFamilyOfTheSpecificationIsExposedWithItsType() {
        APP.get("/items/1");
        APP.get("/db/missing-table"); // a labelled family shows once it has a series
        ScrapedMetrics scrape = new ScrapedMetrics(APP.scrape());

        SPECIFIED_FAMILIES.forEach((family, type) -> assertThat(scrape.type(family)).as(family).isEqualTo(type));
        assertThat(scrape.type("jvm_memory_bytes_used")).isEqualTo("gauge");
        assertThat(scrape.value("process_start_time_seconds")).isGreaterThan(1.7e9);
    }

    @Test
    void registryFamiliesLiveInDropwizardsRegistryAndAreExportedWithRealBucketsAndBoundedLabels() {
        for (String outcome : List.of("ok", "failed", "cancelled", "lost")) {
            APP.send("POST", "/jobs/" + outcome, HttpRequest.BodyPublishers.noBody());
        }
        ScrapedMetrics scrape = new ScrapedMetrics(APP.scrape());

        assertThat(scrape.type("jobs_done_total")).isEqualTo("counter");
        assertThat(scrape.value("jobs_done_total", "outcome", "ok")).isEqualTo(1);
        assertThat(scrape.value("jobs_done_total", "outcome", "other")).isEqualTo(2);
        assertThat(scrape.samples("jobs_done_total")).hasSize(3);
        assertThat(scrape.type("job_duration_seconds")).isEqualTo("histogram");
        assertThat(scrape.value("job_duration_seconds_sum")).isEqualTo(4 * 42);
        assertThat(scrape.value("job_duration_seconds_bucket", "le", "10.0")).isEqualTo(0);
        assertThat(scrape.value("job_duration_seconds_bucket", "le", "60.0")).isEqualTo(4);
        assertThat(scrape.samples("job_duration_seconds_bucket")).hasSize(4);
        assertThat(scrape.value("job_payload_bytes_bucket", "le", "1048576.0")).isEqualTo(4);
        assertThat(EXTENSION.getEnvironment().metrics().meter("testapp.jobs.done.other").getCount()).isEqualTo(2);
        assertThat(APP.send(java.net.http.HttpRequest.newBuilder(APP.adminUri("/metrics")).GET()).body())
                .contains("testapp.jobs.done.ok", "testapp.jobs.duration", "testapp.jobs.payload");
        assertThat(APP.get("/owned?name=testapp.jobs.duration").body()).isEqualTo("true");
        assertThat(APP.get("/owned?name=io.dropwizard.jetty.MutableServletContextHandler.requests").body())
                .isEqualTo("false");
    }

    @Test
    void anApplicationExportsNoFamilyAndRegistersNoDropwizardMetricItDidNotAskFor() {
        String text = APP.scrape();

        assertThat(text).doesNotContain("experiment", "evaluations_processed", "models_registered", "dataset");
        assertThat(EXTENSION.getEnvironment().metrics().getNames())
                .noneMatch(name -> name.startsWith("business."));
    }

    @Test
    void noCreatedSeriesAreRenderedByDefault() {
        APP.get("/items/1");

        String text = APP.scrape();

        assertThat(text).contains("http_requests_total{", "jvm_gc_collection_seconds_count{");
        assertThat(text.lines()).noneMatch(line -> line.matches("(# (HELP|TYPE) )?[a-zA-Z0-9_:]+_created[ {].*"));
    }

    @Test
    void noFamilyIsExportedTwice() {
        String text = APP.scrape();
        List<String> typeLines = Arrays.stream(text.split("\n")).filter(l -> l.startsWith("# TYPE ")).toList();

        assertThat(typeLines).doesNotHaveDuplicates();
        assertThat(typeLines).noneMatch(l -> l.contains(" testapp_") || l.contains(" jvm_memory_heap"));
    }

    @Test
    void plainScrapersGetTextFormatAndOpenMetricsScrapersGetOpenMetrics() {
        APP.get("/items/1");
        HttpResponse<String> text = APP.scrape(null);
        HttpResponse<String> openMetrics = APP.scrape(
                "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1");

        assertThat(text.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain").contains("version=0.0.4"));
        assertThat(text.body()).contains("# TYPE http_requests_total counter").doesNotContain("# EOF");
        assertThat(openMetrics.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/openmetrics-text").contains("version=1.0.0"));
        assertThat(openMetrics.body()).contains("# TYPE http_requests counter").endsWith("# EOF\n");
    }

    @Test
    void theNameParameterNarrowsTheScrape() {
        String body = APP.send(HttpRequest.newBuilder(APP.adminUri("/prometheus?name%5B%5D=http_requests_in_flight"))
                .GET()).body();

        assertThat(body.lines().filter(l -> !l.startsWith("#"))).containsExactly("http_requests_in_flight 0.0");
    }

    @Test
    void aScrapeOverHttpNeverSeesHalfABatch() throws Exception {
        MetricHelpers helpers = APP.application().prometheus().metrics().helpers();
        helpers.batch().incrementCounter("pairs_left_total", 0, Labels.empty())
                .incrementCounter("pairs_right_total", 0, Labels.empty()).record();
        AtomicBoolean stop = new AtomicBoolean();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            while (!stop.get()) {
                helpers.batch().incrementCounter("pairs_left_total", Labels.empty())
                        .incrementCounter("pairs_right_total", Labels.empty()).record();
            }
        });
        try {
            for (int scrape = 0; scrape < 100; scrape++) {
                ScrapedMetrics metrics = new ScrapedMetrics(APP.scrape());
                assertThat(metrics.value("pairs_left_total")).as("scrape %d", scrape)
                        .isEqualTo(metrics.value("pairs_right_total"));
            }
        } finally {
            stop.set(true);
            writer.get(10, TimeUnit.SECONDS);
        }
        assertThat(new ScrapedMetrics(APP.scrape()).value("pairs_left_total")).isGreaterThan(0);
    }

    @Test
    void theScrapePassesPromtoolWithoutFindings() throws Exception {
        APP.get("/items/1");
        APP.get("/does-not-exist");
        APP.send("POST", "/jobs/ok", HttpRequest.BodyPublishers.noBody());
        APP.get("/db/items");

        PromtoolAccess.Result result = PromtoolAccess.checkMetrics(APP.scrape());

        assertThat(result.exitCode()).isZero();
        assertThat(result.findings()).isEmpty();
        assertThat(result.findings().stream().collect(Collectors.joining())).doesNotContain("error while linting");
    }
}
