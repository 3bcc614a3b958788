package io.dwprom.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static io.dwprom.demo.RealPrometheus.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Native histograms end to end: the demo with {@code prometheus.nativeHistograms.enabled}, scraped every second by
 * two real Prometheus servers, one started with {@code --enable-feature=native-histograms} (it asks for the protobuf
 * format and stores native histograms) and one without (it scrapes the text format, as before). Latencies are the
 * test's own: a resource added to the demo sleeps the milliseconds its path names, and requests are timed by the
 * client, so the true p99 lies between the p99 of the sleeps and the p99 of the client's timings.
 */
class NativeHistogramsEndToEndIT {
    private static final String JOB = "demo";
    private static final String SLEEP_ROUTE = "/sleep/{millis}";
    private static final Duration SCRAPED = Duration.ofSeconds(60);
    /** The timed traffic: 150 requests sleeping 20 ms and 50 sleeping 60 ms, shuffled; its p99 is a 60 ms one. */
    private static final int FAST = 150;
    private static final int SLOW = 50;
    private static final int DB_REQUESTS = 20;

    private static DropwizardAppExtension<DemoConfiguration> app;
    private static java.nio.file.Path work;
    private static RealPrometheus nativePrometheus;
    private static RealPrometheus classicPrometheus;
    private static final List<Long> sleptNanos = new ArrayList<>();
    private static final List<Long> clientNanos = new ArrayList<>();

    /** The demo with one more resource, whose latency the test chooses. */
    public static class DemoWithSleep extends DemoApplication {
        @Override
        public void run(DemoConfiguration config, Environment environment) throws Exception {
            super.run(config, environment);
            environment.jersey().register(new SleepResource());
        }
    }

    /** Sleeps the milliseconds its path names. */
    @Path("/sleep/{millis}")
    public static class SleepResource {
        @GET
        public String sleep(@PathParam("millis") long millis) throws InterruptedException {
            Thread.sleep(millis);
            return "slept";
        }
    }

    @BeforeAll
    static void startDemoAndBothPrometheusServersAndDriveTraffic() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(RealPrometheus.BINARY),
                RealPrometheus.BINARY + " is not installed (apt-get install prometheus); the end-to-end test needs it");
        work = Files.createTempDirectory("native-e2e-");
        app = new DropwizardAppExtension<>(DemoWithSleep.class, ResourceHelpers.resourceFilePath("demo-test.yml"),
                ConfigOverride.config("database.url", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"),
                ConfigOverride.config("datasets.storageDir", work.resolve("datasets").toString()),
                ConfigOverride.config("prometheus.nativeHistograms.enabled", "true"));
        app.before();
        String target = "127.0.0.1:" + app.getAdminPort();
        nativePrometheus = RealPrometheus.start(work.resolve("native"), JOB, target, "/prometheus", null,
                "--enable-feature=native-histograms");
        classicPrometheus = RealPrometheus.start(work.resolve("classic"), JOB, target, "/prometheus", null);

        // Every series the test reads exists before the timed traffic, so rate() over it sees all of that traffic.
        get("/sleep/1");
        get("/experiments?limit=5");
        awaitCount(nativePrometheus, "histogram_count(sum(http_request_duration_seconds{path=\"" + SLEEP_ROUTE + "\"}))", 1);
        awaitCount(classicPrometheus, "sum(http_request_duration_seconds_count{path=\"" + SLEEP_ROUTE + "\"})", 1);

        List<Long> sleeps = new ArrayList<>();
        for (int i = 0; i < FAST + SLOW; i++) {
            sleeps.add(i < FAST ? 20L : 60L);
        }
        Collections.shuffle(sleeps, new Random(42));
        for (long millis : sleeps) {
            long start = System.nanoTime();
            get("/sleep/" + millis);
            clientNanos.add(System.nanoTime() - start);
            sleptNanos.add(millis * 1_000_000);
        }
        for (int i = 0; i < DB_REQUESTS; i++) {
            get("/experiments?limit=5");
        }
        int expected = 1 + FAST + SLOW;
        awaitCount(nativePrometheus, "histogram_count(sum(http_request_duration_seconds{path=\"" + SLEEP_ROUTE + "\"}))", expected);
        awaitCount(classicPrometheus, "sum(http_request_duration_seconds_count{path=\"" + SLEEP_ROUTE + "\"})", expected);
        awaitCount(nativePrometheus, "sum(http_requests_total{path=\"/experiments\"})", 1 + DB_REQUESTS);
        awaitCount(classicPrometheus, "sum(http_requests_total{path=\"/experiments\"})", 1 + DB_REQUESTS);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        try {
            if (nativePrometheus != null) {
                nativePrometheus.close();
            }
            if (classicPrometheus != null) {
                classicPrometheus.close();
            }
            if (app != null) {
                app.after();
            }
        } finally {
            if (work != null) {
                DemoApp.deleteRecursively(work);
            }
        }
    }

    @Test
    void bothLatencyFamiliesAreStoredAsNativeHistograms() {
        for (String family : List.of("http_request_duration_seconds", "db_query_duration_seconds")) {
            List<JsonNode> series = nativePrometheus.query(family);
            assertThat(series).as(family).isNotEmpty();
            assertThat(series).as(family + ": every series a native histogram")
                    .allSatisfy(s -> assertThat(s.has("histogram")).as(s.toString()).isTrue());
        }
    }

    @Test
    void nativeCountsAndSumsEqualTheClassicOnesOverTheSameRequests() {
        for (String family : List.of("http_request_duration_seconds", "db_query_duration_seconds")) {
            double nativeCount = single(nativePrometheus.query("histogram_count(sum(" + family + "))"));
            double classicCount = single(classicPrometheus.query("sum(" + family + "_count)"));
            double nativeSum = single(nativePrometheus.query("histogram_sum(sum(" + family + "))"));
            double classicSum = single(classicPrometheus.query("sum(" + family + "_sum)"));

            assertThat(nativeCount).as(family + " count").isPositive().isEqualTo(classicCount);
            assertThat(nativeSum).as(family + " sum").isPositive().isCloseTo(classicSum, within(classicSum * 1e-9));
        }
    }

    @Test
    void theNativeP99LiesWithinOneBucketOfTheTrueP99() {
        JsonNode histogram = nativePrometheus.query("sum(http_request_duration_seconds{path=\"" + SLEEP_ROUTE + "\"})")
                .get(0).get("histogram").get(1);
        double growth = bucketGrowthFactor(histogram);
        double estimate = single(nativePrometheus.query("histogram_quantile(0.99, sum(rate(http_request_duration_seconds{path=\""
                + SLEEP_ROUTE + "\"}[5m])))"));
        double lowest = p99(sleptNanos) / 1e9;
        double highest = p99(clientNanos) / 1e9;

        assertThat(growth).as("bucket growth factor").isGreaterThan(1).isLessThanOrEqualTo(2);
        assertThat(lowest).isEqualTo(0.060);
        assertThat(estimate).as("p99 between %s s (sleeps) and %s s (client timings), one bucket (x%s) either side",
                lowest, highest, growth).isBetween(lowest / growth, highest * growth);
    }

    @Test
    void thePrometheusWithoutTheFlagStoresTheClassicBucketsAsBefore() {
        assertThat(classicPrometheus.query("http_request_duration_seconds")).isEmpty();
        List<JsonNode> buckets = classicPrometheus.query("http_request_duration_seconds_bucket{path=\"" + SLEEP_ROUTE
                + "\",le=\"+Inf\"}");
        assertThat(single(buckets)).isEqualTo(1 + FAST + SLOW);
        assertThat(classicPrometheus.query("count(db_query_duration_seconds_bucket)")).isNotEmpty();
    }

    /** The ratio of a bucket's upper to its lower bound: {@code 2^(2^-schema)} at the histogram's schema. */
    private static double bucketGrowthFactor(JsonNode histogram) {
        for (JsonNode bucket : histogram.path("buckets")) {
            double lower = Double.parseDouble(bucket.get(1).asText());
            double upper = Double.parseDouble(bucket.get(2).asText());
            if (lower > 0 && Double.isFinite(upper)) {
                return upper / lower;
            }
        }
        throw new AssertionError("no positive bucket in " + histogram);
    }

    /** The 99th percentile as Prometheus ranks it: the observation at rank ceil(0.99 n). */
    private static long p99(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.ceil(0.99 * sorted.size()) - 1);
    }

    private static void awaitCount(RealPrometheus prometheus, String promql, double expected) {
        prometheus.awaitQuery(promql, SCRAPED, result -> result.size() == 1 && single(result) == expected);
    }

    private static void get(String path) {
        int status = RealPrometheus.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.getLocalPort() + path))
                .timeout(Duration.ofSeconds(10)).GET().build()).statusCode();
        assertThat(status).as(path).isEqualTo(200);
    }
}
