package io.dwprom.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A real Prometheus server ({@code /usr/bin/prometheus}, Debian's package) on a free loopback port, scraping one
 * target every second, with its query API. Each instance keeps its configuration, data and log in a directory of its
 * own under the test's work directory.
 */
final class RealPrometheus implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/prometheus");
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = Jackson.newObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private RealPrometheus(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts Prometheus in {@code dir} scraping {@code target}'s {@code metricsPath} as job {@code job}, evaluating
     * {@code rules} (or none), with the given extra command-line {@code flags}; returns once it is ready.
     */
    static RealPrometheus start(Path dir, String job, String target, String metricsPath, Path rules, String... flags)
            throws IOException {
        Files.createDirectories(dir);
        Path config = dir.resolve("prometheus.yml");
        List<String> yaml = new ArrayList<>(List.of(
                "global:",
                "  scrape_interval: 1s",
                "  scrape_timeout: 1s",
                "  evaluation_interval: 1s"));
        if (rules != null) {
            yaml.addAll(List.of("rule_files:", "  - '" + rules + "'"));
        }
        yaml.addAll(List.of(
                "scrape_configs:",
                "  - job_name: " + job,
                "    metrics_path: " + metricsPath,
                "    static_configs:",
                "      - targets: ['" + target + "']",
                ""));
        Files.writeString(config, String.join("\n", yaml));
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(BINARY.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("tsdb"),
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn"));
        command.addAll(List.of(flags));
        Path log = dir.resolve("prometheus.log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        RealPrometheus prometheus = new RealPrometheus(process, port, log);
        awaitHttp200(URI.create("http://127.0.0.1:" + port + "/-/ready"), process, log);
        return prometheus;
    }

    int port() {
        return port;
    }

    /** The result of an instant query; fails unless Prometheus answers {@code success}. */
    List<JsonNode> query(String promql) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))).GET()
                .timeout(Duration.ofSeconds(10)).build());
        JsonNode body = json(response);
        assertThat(body.path("status").asText()).as(promql + " -> " + response.body()).isEqualTo("success");
        List<JsonNode> result = new ArrayList<>();
        body.get("data").get("result").forEach(result::add);
        return result;
    }

    /** Polls {@code promql} until {@code done} holds, for at most {@code within}; fails with the last result. */
    List<JsonNode> awaitQuery(String promql, Duration within, Predicate<List<JsonNode>> done) {
        long deadline = System.nanoTime() + within.toNanos();
        List<JsonNode> result = List.of();
        while (System.nanoTime() < deadline) {
            result = query(promql);
            if (done.test(result)) {
                return result;
            }
            sleep(500);
        }
        return fail("Prometheus did not answer as expected within " + within + ": " + promql + " -> " + result);
    }

    /** The value of a float sample of a query's result. */
    static double value(JsonNode sample) {
        JsonNode value = sample.get("value");
        assertThat(value).as("a float sample: " + sample).isNotNull();
        return Double.parseDouble(value.get(1).asText());
    }

    /** The value of a result that must hold exactly one float sample. */
    static double single(List<JsonNode> result) {
        assertThat(result).hasSize(1);
        return value(result.get(0));
    }

    /** A plain GET of {@code pathAndQuery} on the server, as JSON. */
    JsonNode get(String pathAndQuery) {
        return json(send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).GET()
                .timeout(Duration.ofSeconds(10)).build()));
    }

    /** The last lines of the server's log, for failure messages. */
    String logTail() {
        return tail(log);
    }

    @Override
    public void close() throws InterruptedException {
        stop(process);
    }

    static void stop(Process process) throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Waits until {@code uri} answers 200 while {@code process} runs; fails with the tail of {@code log}. */
    static void awaitHttp200(URI uri, Process process, Path log) {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail(uri + ": the process exited with " + process.exitValue() + ":\n" + tail(log));
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        fail(uri + " did not answer 200 within " + STARTUP + ":\n" + tail(log));
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
