package io.dwprom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dwprom.cli.RealServer.Kind;
import io.dwprom.scrape.source.FetchOptions;
import io.dwprom.server.ServerSeries;
import io.dwprom.usage.SeriesFamily;
import io.dwprom.usage.SeriesInventory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * server-cardinality and churn --server against a real Prometheus and a real VictoriaMetrics, each scraping three
 * loopback targets (three instances of job "demo") that serve the demo service's captured scrape; and the series
 * inventory usage --server judges queries against.
 */
class RealServersTest {
    private static final String FAMILY = "jvm_memory_pool_bytes_used";
    private static final String HISTOGRAM = "http_request_duration_seconds";
    private static final String JOB = "demo";

    @TempDir
    Path dir;

    private static String demoScrape() throws IOException {
        try (InputStream in = RealServersTest.class.getResourceAsStream("/fixtures/demo-service.prom")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Series of {@code family} in one copy of the fixture, counted from its sample lines. */
    private static long seriesPerInstance(String exposition, String family) {
        return exposition.lines().filter(l -> l.startsWith(family + "{") || l.startsWith(family + " ")).count();
    }

    private static String experiments(String... ids) {
        StringBuilder sb = new StringBuilder("# HELP fixture_experiment_jobs Jobs per experiment.\n# TYPE fixture_experiment_jobs gauge\n");
        for (String id : ids) {
            sb.append("fixture_experiment_jobs{experiment=\"").append(id).append("\"} 1\n");
        }
        return sb.toString();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void serverCardinalityCountsEveryInstanceOfTheJob(Kind kind) throws Exception {
        String scrape = demoScrape();
        long perInstance = seriesPerInstance(scrape, FAMILY);
        assertThat(perInstance).isPositive();
        try (ScrapeTargets targets = new ScrapeTargets(3, scrape);
             RealServer server = RealServer.start(kind, dir, targets.scrapeConfig(JOB))) {
            JsonNode json = awaitJson(server, "server-cardinality", "--format", "json", "--top", "500", "--job", JOB, server.base());
            assertThat(count(json.path("metrics"), FAMILY, "series")).isEqualTo(3 * perInstance);
            assertThat(json.path("instances")).hasSize(3);
            List<String> instances = json.path("instances").findValuesAsText("name");
            assertThat(instances).containsExactlyInAnyOrderElementsOf(targets.instances());
            long first = json.path("instances").get(0).path("series").asLong();
            assertThat(json.path("instances")).allSatisfy(i -> assertThat(i.path("series").asLong()).isEqualTo(first));
            assertThat(json.path("series").asLong()).isEqualTo(3 * first);
            assertThat(json.path("notes").path("server").asText())
                    .startsWith(kind == Kind.PROMETHEUS ? "Prometheus (" : "VictoriaMetrics (");
            assertThat(json.path("notes").path("total").asText())
                    .startsWith(kind == Kind.PROMETHEUS ? "/api/v1/series?match[]=" : "totalSeries of /api/v1/status/tsdb?match[]=");

            CliRun text = CliRun.run("server-cardinality", "--top", "500", "--job", JOB, server.base());
            assertThat(text.exitCode()).isZero();
            assertThat(text.out()).startsWith(server.base() + ": " + 3 * first + " series\n").contains("\ninstances: 3\n")
                    .containsPattern(FAMILY + "\\s+" + 3 * perInstance + "\\s");
            // VictoriaMetrics indexes a series before its samples are queryable: wait for samples of every instance
            SeriesInventory inventory = awaitInventory(server, FAMILY);
            assertThat(inventory.familyOfSeriesName(FAMILY).seriesCount()).isEqualTo(3 * perInstance);
            assertThat(inventory.familyOfSeriesName(FAMILY).distinctValues("instance")).isEqualTo(3);
            SeriesFamily histogram = inventory.familyOfSeriesName(HISTOGRAM + "_bucket");
            // Prometheus groups by its metadata, VictoriaMetrics (none) by the _bucket/_sum/_count names: the same family
            assertThat(histogram.name()).isEqualTo(HISTOGRAM);
            assertThat(histogram.seriesNames()).contains(HISTOGRAM + "_bucket", HISTOGRAM + "_sum", HISTOGRAM + "_count");
            // the fixture is text 0.0.4, where _created is a gauge of its own: Prometheus' metadata keeps it apart, the
            // name-based grouping joins it to the histogram as OpenMetrics (and lint) do
            long created = kind == Kind.PROMETHEUS ? 0 : seriesPerInstance(scrape, HISTOGRAM + "_created");
            assertThat(histogram.seriesCount()).isEqualTo(3 * (seriesPerInstance(scrape, HISTOGRAM + "_bucket")
                    + seriesPerInstance(scrape, HISTOGRAM + "_sum") + seriesPerInstance(scrape, HISTOGRAM + "_count") + created));

            Path queries = java.nio.file.Files.writeString(dir.resolve("queries.promql"),
                    "sum by (pool) (" + FAMILY + ")\nsum(rate(" + HISTOGRAM + "_bucket[5m])) by (le)\n");
            CliRun usage = CliRun.run("usage", "--server", server.base(), "--job", JOB, "--queries", queries.toString(),
                    "--format", "json");
            assertThat(usage.exitCode()).as(usage.err()).isZero();
            JsonNode report = new ObjectMapper().readTree(usage.out());
            assertThat(report.path("series").path("total").asLong()).isEqualTo(3 * first);
            assertThat(report.path("notes").path("server").asText()).contains(kind == Kind.PROMETHEUS ? "Prometheus (" : "VictoriaMetrics (");
            assertThat(report.path("unusedFamilies").findValuesAsText("family")).doesNotContain(FAMILY).contains("jvm_threads_state");
            for (JsonNode unused : report.path("unusedFamilies")) {
                if (unused.path("family").asText().equals("jvm_threads_state")) {
                    assertThat(unused.path("series").asLong()).isEqualTo(3 * seriesPerInstance(scrape, "jvm_threads_state"));
                }
            }
            CliRun usageText = CliRun.run("usage", "--server", server.base(), "--job", JOB, "--queries", queries.toString());
            assertThat(usageText.out()).startsWith(server.base() + " {job=\"demo\"}: " + 3 * first + " series in ")
                    .contains("\nmethod: ").contains("\nfamilies: ");

            CliRun whole = CliRun.run("server-cardinality", server.base());
            assertThat(whole.exitCode()).isZero();
            assertThat(whole.out()).contains(kind == Kind.PROMETHEUS ? "total: headStats.numSeries" : "total: totalSeries");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void churnOverATimeRangeFindsTheExperimentsThatCameAndWentOnEveryInstance(Kind kind) throws Exception {
        String scrape = demoScrape();
        try (ScrapeTargets targets = new ScrapeTargets(3, scrape + experiments("e1", "e2"));
             RealServer server = RealServer.start(kind, dir, targets.scrapeConfig(JOB))) {
            awaitSeries(server, "fixture_experiment_jobs", 6);
            Thread.sleep(2500);
            double before = now() - 0.5;
            targets.serve(scrape + experiments("e2", "e3", "e4"));
            // the server holds e1 too: it stopped, but is still in Prometheus' head block and VictoriaMetrics' day
            awaitSeries(server, "fixture_experiment_jobs", 12);
            Thread.sleep(5000);
            double after = now() - 1.5;
            CliRun r = CliRun.run("churn", "--server", server.base(), "--job", JOB, "--window", "2s",
                    "--start", seconds(before), "--end", seconds(after));
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).containsPattern("series, 6 appeared, 3 disappeared, churn rate")
                    .contains("\ninstances: 3 before, 3 after\n")
                    .containsPattern("\nfixture_experiment_jobs\\s+6\\s+9\\s+6\\s+3\\s+150.0%\n")
                    .containsPattern("\nfixture_experiment_jobs\\s+experiment\\s+9\\s+6\\s+3\\s+2: e3, e4\\s+1: e1\n")
                    .contains(kind == Kind.PROMETHEUS ? "method: /api/v1/series over the 2s" : "method: /api/v1/query at each moment with step=2s")
                    .doesNotContain("\nup ");
            CliRun gate = CliRun.run("churn", "--server", server.base(), "--job", JOB, "--window", "2s",
                    "--start", seconds(before), "--end", seconds(after), "--max-churn", "0.1", "--format", "json");
            assertThat(gate.exitCode()).isEqualTo(ExitCodes.FINDINGS);
            assertThat(new ObjectMapper().readTree(gate.out()).path("appeared").asLong()).isEqualTo(6);
        }
    }

    /** The job's series now, as usage --server judges queries against them. */
    private static SeriesInventory inventory(RealServer server) throws IOException {
        return ServerSeries.ask(server.base(), FetchOptions.DEFAULT, "{job=\"" + JOB + "\"}", Duration.ofMinutes(5))
                .inventory(Instant.now());
    }

    /** Polls the job's inventory until {@code family} is there with samples from all three instances. */
    private static SeriesInventory awaitInventory(RealServer server, String family) throws Exception {
        SeriesInventory inventory = inventory(server);
        for (int i = 0; i < 120 && !fromEveryInstance(inventory, family); i++) {
            Thread.sleep(500);
            inventory = inventory(server);
        }
        return inventory;
    }

    private static boolean fromEveryInstance(SeriesInventory inventory, String family) {
        SeriesFamily f = inventory.familyOfSeriesName(family);
        return f != null && f.distinctValues("instance") == 3;
    }

    /** Polls server-cardinality for the job until {@code family} has {@code series} series. */
    private static void awaitSeries(RealServer server, String family, long series) throws Exception {
        JsonNode json = null;
        for (int i = 0; i < 60; i++) {
            json = json(CliRun.run("server-cardinality", "--format", "json", "--top", "500", "--job", JOB, server.base()));
            if (json != null && count(json.path("metrics"), family, "series") == series) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(family + " never had " + series + " series on " + server.base() + ": " + json);
    }

    /** Polls until all three instances report and their counts agree (every target scraped at least once). */
    private static JsonNode awaitJson(RealServer server, String... args) throws Exception {
        JsonNode json = null;
        for (int i = 0; i < 60; i++) {
            json = json(CliRun.run(args));
            if (json != null && json.path("instances").size() == 3 && json.path("metrics").size() > 10) {
                long first = json.path("instances").get(0).path("series").asLong();
                boolean same = true;
                for (JsonNode instance : json.path("instances")) {
                    same &= instance.path("series").asLong() == first;
                }
                if (same) {
                    return json;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("three instances never reported alike on " + server.base() + ": " + json);
    }

    private static JsonNode json(CliRun r) throws IOException {
        return r.exitCode() == 0 ? new ObjectMapper().readTree(r.out()) : null;
    }

    private static long count(JsonNode rows, String name, String field) {
        for (JsonNode row : rows) {
            if (row.path("name").asText().equals(name)) {
                return row.path(field).asLong();
            }
        }
        return 0;
    }

    private static double now() {
        return System.currentTimeMillis() / 1000.0;
    }

    private static String seconds(double t) {
        return String.format(Locale.ROOT, "%.3f", t);
    }
}
