package io.dwprom.cli;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus or VictoriaMetrics single node started on 127.0.0.1 with a free port, a temporary storage directory
 * and a Prometheus scrape config; the test is skipped (saying why) when the Debian package is not installed.
 */
final class RealServer implements AutoCloseable {
    /** The servers metrics-lint is tested against, with their Debian binaries. */
    enum Kind {
        PROMETHEUS("/usr/bin/prometheus", "prometheus", "/-/ready"),
        VICTORIAMETRICS("/usr/bin/victoria-metrics", "victoria-metrics", "/health");

        final Path binary;
        final String debianPackage;
        final String readyPath;

        Kind(String binary, String debianPackage, String readyPath) {
            this.binary = Path.of(binary);
            this.debianPackage = debianPackage;
            this.readyPath = readyPath;
        }
    }

    private final Process process;
    private final String base;

    private RealServer(Process process, String base) {
        this.process = process;
        this.base = base;
    }

    /** Starts {@code kind} scraping with {@code scrapeConfig} (a prometheus.yml); waits until it is ready. */
    static RealServer start(Kind kind, Path dir, String scrapeConfig) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(kind.binary),
                kind.binary + " is not installed (apt-get install " + kind.debianPackage + "); .ci/run installs it");
        int port = freePort();
        Path config = Files.writeString(dir.resolve(kind.debianPackage + ".yml"), scrapeConfig);
        Path data = Files.createDirectories(dir.resolve(kind.debianPackage + "-data"));
        List<String> command = kind == Kind.PROMETHEUS
                ? List.of(kind.binary.toString(), "--config.file=" + config, "--storage.tsdb.path=" + data,
                        "--web.listen-address=127.0.0.1:" + port)
                // a 1s latency offset so that the test needs not wait out the default 30s before samples are queryable
                : List.of(kind.binary.toString(), "-httpListenAddr=127.0.0.1:" + port, "-storageDataPath=" + data,
                        "-promscrape.config=" + config, "-search.latencyOffset=1s");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(kind.debianPackage + ".log").toFile()).start();
        RealServer server = new RealServer(process, "http://127.0.0.1:" + port);
        server.awaitReady(kind.readyPath);
        return server;
    }

    String base() {
        return base;
    }

    private void awaitReady(String path) throws InterruptedException, IOException {
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 100; i++) {
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (!process.isAlive()) {
                throw new IOException(base + " exited with " + process.exitValue() + " before it was ready");
            }
            Thread.sleep(200);
        }
        throw new IOException(base + path + " not ready after 20s");
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
