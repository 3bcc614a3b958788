package io.dwprom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** churn between two scrapes: files, stdin, one URL scraped twice; text, JSON and the gate. */
class ChurnCommandTest {
    private static final String BEFORE = """
            # TYPE experiments_created counter
            experiments_created_total{model="m1"} 3
            # TYPE job_seconds histogram
            job_seconds_bucket{experiment="e1",le="1"} 1
            job_seconds_bucket{experiment="e1",le="+Inf"} 1
            job_seconds_sum{experiment="e1"} 0.5
            job_seconds_count{experiment="e1"} 1
            """;
    private static final String AFTER = BEFORE + """
            job_seconds_bucket{experiment="e2",le="1"} 1
            job_seconds_bucket{experiment="e2",le="+Inf"} 1
            job_seconds_sum{experiment="e2"} 0.5
            job_seconds_count{experiment="e2"} 1
            job_seconds_bucket{experiment="e3",le="1"} 0
            job_seconds_bucket{experiment="e3",le="+Inf"} 1
            job_seconds_sum{experiment="e3"} 2
            job_seconds_count{experiment="e3"} 1
            # TYPE queue_depth gauge
            queue_depth 4
            """;

    @TempDir
    Path dir;

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void textReportCountsSeriesPerFamilyAndNamesTheLabelWithNewValues() throws IOException {
        CliRun r = CliRun.run("churn", file("b.prom", BEFORE).toString(), file("a.prom", AFTER).toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("churn: 5 -> 14 series, 9 appeared, 0 disappeared, churn rate 180.0% "
                + "((appeared + disappeared) / series before)\n");
        assertThat(r.out()).containsPattern("\njob_seconds\\s+4\\s+12\\s+8\\s+0\\s+200.0%\n")
                .containsPattern("\nqueue_depth\\s+0\\s+1\\s+1\\s+0\\s+new family\n")
                .containsPattern("\njob_seconds\\s+experiment\\s+8\\s+8\\s+0\\s+2: e2, e3\\s+0\n")
                .containsPattern("\nqueue_depth\\s+\\(new family\\)\\s+1\\s+1\\s+0\n")
                .doesNotContainPattern("job_seconds\\s+le\\s");
    }

    @Test
    void jsonReportHasTotalsFamiliesAndDrivers() throws IOException {
        CliRun r = CliRun.withStdin(AFTER, "churn", "--format", "json", file("b.prom", BEFORE).toString(), "-");
        assertThat(r.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.path("context").path("after").asText()).isEqualTo("-");
        assertThat(json.path("seriesBefore").asLong()).isEqualTo(5);
        assertThat(json.path("appeared").asLong()).isEqualTo(9);
        assertThat(json.path("churnPercent").asDouble()).isEqualTo(180.0);
        JsonNode job = json.path("families").get(0);
        assertThat(job.path("family").asText()).isEqualTo("job_seconds");
        assertThat(job.path("drivers").get(0).path("label").asText()).isEqualTo("experiment");
        assertThat(job.path("drivers").get(0).path("newValueExamples").toString()).isEqualTo("[\"e2\",\"e3\"]");
        assertThat(json.path("families").get(1).path("churnPercent").isNull()).isTrue();
    }

    @Test
    void maxChurnGateExitsOneOnlyAboveThePercentage() throws IOException {
        String b = file("b.prom", BEFORE).toString();
        String a = file("a.prom", AFTER).toString();
        CliRun over = CliRun.run("churn", "--max-churn", "179.9", b, a);
        assertThat(over.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(over.err()).isEqualTo("metrics-lint: churn rate 180.0%, more than --max-churn 179.9%\n");
        assertThat(CliRun.run("churn", "--max-churn", "180", b, a).exitCode()).isZero();
        assertThat(CliRun.run("churn", "--max-churn", "0", b, b).exitCode()).isZero();
    }

    @Test
    void oneUrlIsScrapedTwiceIntervalApart() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/metrics", ex -> {
            byte[] body = (requests.getAndIncrement() == 0 ? BEFORE : AFTER).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/metrics";
        CliRun r = CliRun.run("churn", "--interval", "200ms", url);
        assertThat(r.exitCode()).isZero();
        assertThat(requests.get()).isEqualTo(2);
        assertThat(r.out()).contains("9 appeared").contains("after: " + url + " at ").contains("(--interval 200ms)");
    }

    @Test
    void badInputNamesTheSourceAndExitsTwo() throws IOException {
        String b = file("b.prom", BEFORE).toString();
        CliRun missing = CliRun.run("churn", b, dir.resolve("nope.prom").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(missing.err()).isEqualTo("metrics-lint: " + dir.resolve("nope.prom") + ": no such file\n");
        Path broken = file("broken.prom", "ok 1\nbroken{ 1\n");
        assertThat(CliRun.run("churn", b, broken.toString()).err()).startsWith("metrics-lint: " + broken + ":2:");
        assertThat(CliRun.run("churn", "-", "-").err()).contains("only one of BEFORE and AFTER can be -");
        assertThat(CliRun.run("churn", b).err()).contains("churn needs BEFORE and AFTER");
        assertThat(CliRun.run("churn", "--interval", "1s", b).err()).contains("--interval needs exactly one http(s):// SOURCE");
        assertThat(CliRun.run("churn", "--range", "1h", b, b).exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(CliRun.run("churn", "--format", "xml", b, b).err()).contains("--format': expected one of [text, json]");
    }
}
