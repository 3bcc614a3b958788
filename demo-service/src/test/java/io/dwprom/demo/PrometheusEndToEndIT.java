package io.dwprom.demo;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.dwprom.demo.RealPrometheus.single;
import static io.dwprom.demo.RealPrometheus.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The "done when": the packaged jar, started on free loopback ports with the root config.yml, scraped
 * every second by a real Prometheus loading deploy/rules.yml, answers each example query of the specification
 * with what the traffic made.
 *
 * <p>Traffic runs in two rounds. The first creates every labelled series; once Prometheus has scraped them, the
 * second (four times larger) increments them all, so every {@code rate()} has an increase to show. Exact
 * checks use plain counter values; the {@code rate()} forms are checked where extrapolation keeps them exact
 * (series born together) or within a tolerance (series born one scrape apart). Prometheus runs with exemplar
 * storage: the first request carries a sampled {@code traceparent}, and its trace comes back as exemplars.
 */
class PrometheusEndToEndIT {

    private static final Duration SCRAPED = Duration.ofSeconds(60);
    private static final String JOB = "llm-research-api";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The trace of the first request, sent with a sampled W3C traceparent. */
    private static final String TRACE_ID = UUID.randomUUID().toString().replace("-", "");

    private static Path work;
    private static Process demo;
    private static RealPrometheus prometheus;
    private static int appPort;
    /** Requests made, by "method path status" as the HTTP metrics label them. */
    private static final Map<String, Integer> expectedRequests = new TreeMap<>();
    private static final Map<String, Double> expectedBusiness = new HashMap<>();

    @BeforeAll
    static void startDemoAndPrometheusAndDriveTraffic() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(RealPrometheus.BINARY),
                RealPrometheus.BINARY + " is not installed (apt-get install prometheus); the end-to-end test needs it");
        Path jar = Path.of(System.getProperty("demo.jar", "target/demo-service.jar")).toAbsolutePath();
        assertThat(jar).as("the shaded jar, built by `mvn package` before failsafe runs").exists();
        Path config = Path.of(System.getProperty("demo.config", "../config.yml")).toAbsolutePath();
        Path rules = Path.of(System.getProperty("demo.deploy.dir", "../deploy"), "rules.yml").toAbsolutePath();

        work = Files.createTempDirectory("demo-e2e-");
        appPort = RealPrometheus.freePort();
        int adminPort = RealPrometheus.freePort();

        demo = startDemo(jar, config, adminPort);
        // Probe the admin port: a probe of the API would itself be counted (a timed-out one, even, once it is served).
        RealPrometheus.awaitHttp200(URI.create("http://127.0.0.1:" + adminPort + "/ping"), demo, work.resolve("demo.log"));
        prometheus = RealPrometheus.start(work.resolve("prometheus"), JOB, "127.0.0.1:" + adminPort, "/prometheus", rules,
                "--enable-feature=exemplar-storage");

        // The first request the demo serves: no bucket holds an exemplar yet, so its trace's are kept for seconds.
        call("GET", "/experiments?limit=5", null, null, "/experiments", 200, "00-" + TRACE_ID + "-b7ad6b7169203331-01");
        driveTraffic(1);
        awaitRequestCountsInPrometheus();
        driveTraffic(4);
        awaitRequestCountsInPrometheus();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        try {
            if (prometheus != null) {
                prometheus.close();
            }
            RealPrometheus.stop(demo);
        } finally {
            if (work != null) {
                DemoApp.deleteRecursively(work);
            }
        }
    }

    // ---- the specification's example queries -------------------------------------------------------------

    @Test
    void requestRateByEndpointHasAPositiveRateForEveryRouteStatusAndMethodDriven() {
        List<JsonNode> rates = query("rate(http_requests_total{job=\"" + JOB + "\"}[5m])");

        assertThat(rates).extracting(PrometheusEndToEndIT::requestKey)
                .containsExactlyInAnyOrderElementsOf(expectedRequests.keySet());
        assertThat(rates).allSatisfy(sample -> assertThat(value(sample)).isPositive());
    }

    @Test
    void requestCountsByRouteEqualExactlyTheRequestsMadeWithUnmatchedAndExcludedPathsBounded() {
        Map<String, Integer> counted = new TreeMap<>();
        for (JsonNode sample : query("sum by (method, path, status) (http_requests_total{job=\"" + JOB + "\"})")) {
            counted.put(requestKey(sample), (int) value(sample));
        }

        assertThat(counted).isEqualTo(expectedRequests);
        assertThat(counted).containsKey("GET NOT_FOUND 404").doesNotContainKey("GET /health 404");
    }

    @Test
    void p95RequestDurationIsAFiniteLatencyForEveryRoute() {
        List<JsonNode> p95 = query("histogram_quantile(0.95, rate(http_request_duration_seconds_bucket{job=\""
                + JOB + "\"}[5m]))");

        assertThat(p95).extracting(s -> s.get("metric").get("method").asText() + " " + s.get("metric").get("path")
                .asText()).containsExactlyInAnyOrderElementsOf(expectedRequests.keySet().stream()
                .map(key -> key.substring(0, key.lastIndexOf(' '))).distinct().toList());
        assertThat(p95).allSatisfy(sample -> assertThat(value(sample)).isFinite().isPositive().isLessThanOrEqualTo(10));
    }

    @Test
    void errorRateShowsOnlyTheFailedUploadsAsFiveHundreds() {
        List<JsonNode> errors = query("rate(http_requests_total{job=\"" + JOB + "\",status=~\"5..\"}[5m])");
        double failed = single(query("sum(http_requests_total{job=\"" + JOB + "\",status=~\"5..\"})"));

        assertThat(errors).extracting(PrometheusEndToEndIT::requestKey).containsExactly("POST /datasets 500");
        assertThat(value(errors.get(0))).isPositive();
        assertThat(failed).isEqualTo(5);
    }

    @Test
    void activeDatabaseConnectionsIsZeroOnceEveryRequestIsServed() {
        // Requests are counted after their response is written, long after their connection went back to the
        // pool: every sample since the counts matched was taken with the pool idle.
        double connections = single(query("db_connections_total{job=\"" + JOB + "\"}"));

        assertThat(connections).isZero();
    }

    @Test
    void experimentSuccessRateIsThreeQuartersAsTheCompletionsMade() {
        double exact = single(query("sum(experiments_completed_total{job=\"" + JOB + "\",status=\"success\"})"
                + " / sum(experiments_completed_total{job=\"" + JOB + "\"})"));
        double rated = single(query("sum(rate(experiments_completed_total{job=\"" + JOB + "\",status=\"success\"}[5m]))"
                + " / sum(rate(experiments_completed_total{job=\"" + JOB + "\"}[5m]))"));

        assertThat(exact).isEqualTo(0.75);
        // The success and failed series may be born one scrape apart, so their rates extrapolate differently.
        assertThat(rated).isCloseTo(0.75, org.assertj.core.data.Offset.offset(0.05));
    }

    @Test
    void averageDatasetUploadSizeIsExactlyTheMeanOfTheUploads() {
        double exact = single(query("sum(dataset_upload_size_bytes_sum{job=\"" + JOB + "\"})"
                + " / sum(datasets_uploaded_total{job=\"" + JOB + "\"})"));
        // The metric contract's own form: both series exist from start-up, so their rates extrapolate alike.
        double rated = single(query("rate(dataset_upload_size_bytes_sum{job=\"" + JOB + "\"}[5m])"
                + " / rate(datasets_uploaded_total{job=\"" + JOB + "\"}[5m])"));

        assertThat(exact).isEqualTo(2000);
        assertThat(rated).isCloseTo(2000, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void businessCountersEqualWhatTheTrafficMade() {
        for (Map.Entry<String, Double> expected : expectedBusiness.entrySet()) {
            assertThat(single(query("sum(" + expected.getKey() + ")"))).as(expected.getKey())
                    .isEqualTo(expected.getValue());
        }
    }

    @Test
    void everyRecordingRuleOfDeployHasAValueFromTheLiveService() {
        for (String record : List.of("job_path_method:http_requests:rate5m",
                "job_path:http_request_duration_seconds:p95_5m", "job:http_requests_5xx:rate5m",
                "job:http_requests_5xx:ratio_rate5m", "job:db_connections:sum",
                "job:experiments_completed_success:ratio_rate5m", "job:dataset_upload_size_bytes:avg_rate5m",
                "job:experiment_duration_seconds:p95_1h")) {
            List<JsonNode> samples = awaitQuery(record + "{job=\"" + JOB + "\"}", result -> !result.isEmpty());
            assertThat(samples).as(record).isNotEmpty();
        }
        // An evaluation may fall between a scrape that saw an upload's count and the next that saw its size (two
        // families, recorded one after the other): the rule reaches the exact mean at the next evaluation.
        assertThat(single(awaitQuery("job:dataset_upload_size_bytes:avg_rate5m",
                r -> !r.isEmpty() && Math.abs(single(r) - 2000) < 1e-6)))
                .isCloseTo(2000, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void prometheusReturnsTheExemplarsOfTheTraceSentWithATraceparentForTheRequestAndItsStatement() {
        for (String buckets : List.of(
                "http_request_duration_seconds_bucket{job=\"" + JOB + "\",method=\"GET\",path=\"/experiments\"}",
                "db_query_duration_seconds_bucket{job=\"" + JOB + "\",query_type=\"select\",table=\"experiments\"}")) {
            JsonNode exemplar = awaitExemplarOfTrace(buckets, TRACE_ID);

            assertThat(exemplar.get("labels").get("span_id").asText()).as(buckets).matches("[0-9a-f]{16}")
                    .isNotEqualTo("b7ad6b7169203331"); // the demo's server span, child of the caller's
            assertThat(exemplar.get("value").asDouble()).as(buckets).isPositive().isLessThan(10);
        }
    }

    // ---- traffic ------------------------------------------------------------------------------------------

    /** Every endpoint, successes and refusals; {@code k} scales the business events, not their ratios. */
    private static void driveTraffic(int k) throws IOException {
        call("GET", "/", null, null, "/", 200);
        call("GET", "/health", null, null, null, 404); // excluded: must not be counted
        call("GET", "/no/such/route", null, null, "NOT_FOUND", 404);
        call("GET", "/experiments/abc", null, null, "/experiments/{id}", 404);
        call("POST", "/experiments", "application/json", "{\"name\": \"\"}", "/experiments", 422);
        call("POST", "/experiments/987654/runs", null, null, "/experiments/{id}/runs", 404);
        call("GET", "/experiments/987654", null, null, "/experiments/{id}", 404);
        call("POST", "/models", "application/json", "{\"name\": \"no-provider\"}", "/models", 422);
        call("POST", "/datasets", "application/octet-stream", "x", "/datasets", 400);
        call("POST", "/evaluations", "application/json", "{\"runId\": 987654, \"metric\": \"m\", \"score\": 1}",
                "/evaluations", 422);
        call("POST", "/runs/987654/complete", "application/json", "{\"status\": \"success\"}",
                "/runs/{id}/complete", 404);

        for (int i = 0; i < k; i++) {
            long experiment = RealPrometheus.json(call("POST", "/experiments", "application/json",
                    "{\"name\": \"e2e\", \"description\": \"round\"}", "/experiments", 201)).get("id").asLong();
            call("GET", "/experiments/" + experiment, null, null, "/experiments/{id}", 200);
            call("POST", "/models", "application/json", "{\"name\": \"m\", \"provider\": \"p\"}", "/models", 201);
            List<Long> runs = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                runs.add(RealPrometheus.json(call("POST", "/experiments/" + experiment + "/runs", null, null,
                        "/experiments/{id}/runs", 201)).get("id").asLong());
            }
            // Failed first: the failed series is then complete before the success series is born.
            call("POST", "/runs/" + runs.get(0) + "/complete", "application/json", "{\"status\": \"failed\"}",
                    "/runs/{id}/complete", 200);
            for (long run : runs.subList(1, 4)) {
                call("POST", "/runs/" + run + "/complete", "application/json", "{\"status\": \"success\"}",
                        "/runs/{id}/complete", 200);
            }
            call("POST", "/runs/" + runs.get(1) + "/complete", "application/json", "{\"status\": \"failed\"}",
                    "/runs/{id}/complete", 409);
            call("POST", "/evaluations", "application/json",
                    "{\"runId\": " + runs.get(1) + ", \"metric\": \"accuracy\", \"score\": 0.9}", "/evaluations", 201);
            call("POST", "/datasets?name=" + URLEncoder.encode("small set", StandardCharsets.UTF_8),
                    "application/octet-stream", "a".repeat(1000), "/datasets", 201);
            call("POST", "/datasets?name=large", "application/octet-stream", "b".repeat(3000), "/datasets", 201);
            call("GET", "/experiments?limit=5", null, null, "/experiments", 200);
        }
        uploadWhileStorageIsGone(k);

        add("experiments_created_total", k);
        add("experiment_runs_total{status=\"running\"}", 4 * k);
        add("experiment_runs_total{status=\"success\"}", 3 * k);
        add("experiment_runs_total{status=\"failed\"}", k);
        add("experiments_completed_total{status=\"success\"}", 3 * k);
        add("experiments_completed_total{status=\"failed\"}", k);
        add("experiment_duration_seconds_count", 4 * k);
        add("models_registered_total", k);
        add("evaluations_processed_total", k);
        add("datasets_uploaded_total", 2 * k);
        add("dataset_upload_size_bytes_sum", 4000 * k);
    }

    /** A real 5xx: the dataset directory disappears; the upload fails with 500 and writes nothing. */
    private static void uploadWhileStorageIsGone(int times) throws IOException {
        Path storage = work.resolve("datasets");
        Path away = work.resolve("datasets-away");
        Files.move(storage, away);
        try {
            for (int i = 0; i < times; i++) {
                call("POST", "/datasets?name=lost", "application/octet-stream", "lost", "/datasets", 500);
            }
        } finally {
            Files.move(away, storage);
        }
    }

    private static void add(String series, double amount) {
        expectedBusiness.merge(series.contains("{")
                ? series.replace("{", "{job=\"" + JOB + "\",")
                : series + "{job=\"" + JOB + "\"}", amount, Double::sum);
    }

    /** Sends one request, asserts its status and counts it under the labels the route should get. */
    private static HttpResponse<String> call(String method, String path, String contentType, String body,
                                             String route, int status) {
        return call(method, path, contentType, body, route, status, null);
    }

    /** As above, with a W3C {@code traceparent} header unless it is null. */
    private static HttpResponse<String> call(String method, String path, String contentType, String body,
                                             String route, int status, String traceparent) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + appPort + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        // A request refused before its body is read (400 on a parameter, 500 when storage is gone) can make the
        // server close the connection after answering; on a pooled connection the next request would then meet a
        // closed socket. Such calls get a connection of their own.
        boolean bodyMayBeLeftUnread = body != null && status >= 400;
        HttpResponse<String> response = send(bodyMayBeLeftUnread ? HttpClient.newHttpClient() : HTTP, request.build());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
        if (route != null) {
            expectedRequests.merge(method + " " + route + " " + status, 1, Integer::sum);
        }
        return response;
    }

    // ---- Prometheus ---------------------------------------------------------------------------------------

    private static void awaitRequestCountsInPrometheus() {
        awaitQuery("sum by (method, path, status) (http_requests_total{job=\"" + JOB + "\"})", result -> {
            Map<String, Integer> counted = new TreeMap<>();
            result.forEach(sample -> counted.put(requestKey(sample), (int) value(sample)));
            return counted.equals(expectedRequests);
        });
        awaitQuery("sum(experiments_completed_total{job=\"" + JOB + "\"})", result -> !result.isEmpty()
                && value(result.get(0)) == expectedBusiness.get("experiments_completed_total{job=\"" + JOB
                + "\",status=\"success\"}") + expectedBusiness.get("experiments_completed_total{job=\"" + JOB
                + "\",status=\"failed\"}"));
    }

    /** Polls {@code promql} until {@code done} holds, for at most {@link #SCRAPED}; fails with the last result. */
    private static List<JsonNode> awaitQuery(String promql, Predicate<List<JsonNode>> done) {
        return prometheus.awaitQuery(promql, SCRAPED, done);
    }

    /**
     * Polls {@code /api/v1/query_exemplars} over the last hour for an exemplar of {@code traceId} on the series of
     * {@code selector}, for at most {@link #SCRAPED}; fails with the last answer.
     */
    private static JsonNode awaitExemplarOfTrace(String selector, String traceId) {
        long deadline = System.nanoTime() + SCRAPED.toNanos();
        String answer = "";
        while (System.nanoTime() < deadline) {
            long now = System.currentTimeMillis() / 1000;
            JsonNode response = prometheus.get("/api/v1/query_exemplars?query="
                    + URLEncoder.encode(selector, StandardCharsets.UTF_8) + "&start=" + (now - 3600) + "&end=" + (now + 60));
            answer = response.toString();
            for (JsonNode series : response.path("data")) {
                for (JsonNode exemplar : series.path("exemplars")) {
                    if (traceId.equals(exemplar.path("labels").path("trace_id").asText())) {
                        return exemplar;
                    }
                }
            }
            RealPrometheus.sleep(500);
        }
        return fail("Prometheus returned no exemplar of trace " + traceId + " within " + SCRAPED + " for " + selector
                + ": " + answer);
    }

    private static List<JsonNode> query(String promql) {
        return prometheus.query(promql);
    }

    private static String requestKey(JsonNode sample) {
        JsonNode metric = sample.get("metric");
        return metric.get("method").asText() + " " + metric.get("path").asText() + " " + metric.get("status").asText();
    }

    // ---- processes ----------------------------------------------------------------------------------------

    private static Process startDemo(Path jar, Path config, int adminPort) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx256m", "-jar", jar.toString(),
                "server", config.toString())
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("demo.log").toFile());
        Map<String, String> environment = builder.environment();
        // config.yml reads these; set every one so nothing leaks in from the caller's environment.
        environment.put("DEMO_BIND_HOST", "127.0.0.1");
        environment.put("DEMO_ADMIN_BIND_HOST", "127.0.0.1");
        environment.put("DEMO_PORT", Integer.toString(appPort));
        environment.put("DEMO_ADMIN_PORT", Integer.toString(adminPort));
        environment.put("DB_DRIVER", "org.h2.Driver");
        environment.put("DB_URL", "jdbc:h2:mem:e2e;DB_CLOSE_DELAY=-1");
        environment.put("DB_USER", "sa");
        environment.put("DB_PASSWORD", "");
        environment.put("DATASET_DIR", work.resolve("datasets").toString());
        return builder.start();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        return send(HTTP, request);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
