package io.dwprom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relabel advice against the real thing: {@code promtool check config} accepts a scrape config holding
 * it, and a real Prometheus (127.0.0.1, free port, temporary storage) scraping a fixture served on loopback
 * ingests exactly the series the report promised, without the labels the advice removed. Skipped only where
 * promtool/prometheus are not installed (CI installs them).
 */
class UsageRelabelPrometheusTest {
    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    @TempDir
    Path dir;

    @Test
    void prometheusApplyingTheAdviceIngestsExactlyTheSeriesTheReportPromised() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PROMETHEUS) && Files.isExecutable(PROMTOOL),
                "prometheus/promtool are not installed (apt-get install prometheus)");
        byte[] scrape;
        try (InputStream in = getClass().getResourceAsStream("/usage/relabel-scrape.prom")) {
            scrape = in.readAllBytes();
        }
        Path scrapeFile = Files.write(dir.resolve("scrape.prom"), scrape);
        Path queries = Files.writeString(dir.resolve("queries.promql"), String.join("\n",
                "sum by (path) (rate(app_requests_total[5m]))",
                "sum by (path, zone) (app_errors_total)",
                "app_queue", ""));
        Path relabel = dir.resolve("relabel.yml");
        CliRun usage = CliRun.run("usage", "--format", "json", "--queries", queries.toString(),
                "--emit-relabel", relabel.toString(), "--relabel-labels", scrapeFile.toString());
        assertThat(usage.exitCode()).isZero();
        long promised = new ObjectMapper().readTree(usage.out()).path("series").path("used").asLong();
        assertThat(promised).isEqualTo(6);
        String advice = Files.readString(relabel);
        // build is only on app_requests_total: a labeldrop; pod and zone are kept elsewhere: removed per family.
        assertThat(advice).contains("- regex: 'build'\n  action: labeldrop\n")
                .contains("target_label: pod\n").contains("target_label: zone\n").contains("regex: 'app_unused'");

        HttpServer target = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        target.createContext("/metrics", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, scrape.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(scrape);
            }
        });
        target.start();
        int port = freePort();
        Path config = Files.writeString(dir.resolve("prometheus.yml"), "global: {scrape_interval: 1s}\n"
                + "scrape_configs:\n  - job_name: fixture\n    static_configs: [{targets: ['127.0.0.1:"
                + target.getAddress().getPort() + "']}]\n    metric_relabel_configs:\n"
                + advice.lines().map(l -> "      " + l).collect(Collectors.joining("\n")) + "\n");
        Process check = new ProcessBuilder(PROMTOOL.toString(), "check", "config", config.toString())
                .redirectErrorStream(true).start();
        String checkOutput = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as(checkOutput).isZero();

        Process prometheus = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        try {
            String base = "http://127.0.0.1:" + port;
            String ingested = "count({job=\"fixture\", __name__=~\"app_.*\"})";
            awaitResult(base, ingested);
            assertThat(value(base, ingested)).isEqualTo(String.valueOf(promised));
            assertThat(value(base, "count(app_unused)")).isNull();
            assertThat(value(base, "count(app_requests_total{pod!=\"\"} or app_requests_total{zone!=\"\"}"
                    + " or app_requests_total{build!=\"\"})")).isNull();
            assertThat(value(base, "count(app_queue{pod=\"p1\"})")).isEqualTo("2");
            assertThat(value(base, "count(app_errors_total{zone!=\"\"})")).isEqualTo("2");
        } finally {
            target.stop(0);
            prometheus.destroy();
            if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
        }
    }

    private static void awaitResult(String base, String query) throws Exception {
        for (int i = 0; i < 60 && value(base, query) == null; i++) {
            Thread.sleep(500);
        }
    }

    /** The single sample value of an instant query, or {@code null} for an empty result or no answer yet. */
    private static String value(String base, String query) throws InterruptedException {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                    + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode result = new ObjectMapper().readTree(response.body()).path("data").path("result");
            return result.isArray() && result.size() == 1 ? result.get(0).path("value").get(1).asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
