package io.dwprom.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the real /usr/bin/prometheus on 127.0.0.1 (free port, temp data dir) scraping itself and
 * runs server-cardinality and lint against it. Skipped when /usr/bin/prometheus is absent.
 */
class RealPrometheusServerTest {
    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");

    @TempDir
    Path dir;

    @Test
    void serverCardinalityAndLintWorkAgainstARealPrometheus() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PROMETHEUS), "/usr/bin/prometheus is not installed (apt-get install prometheus)");
        int port = freePort();
        String base = "http://127.0.0.1:" + port;
        Path config = Files.writeString(dir.resolve("prometheus.yml"), "global: {scrape_interval: 1s}\n"
                + "scrape_configs:\n  - job_name: self\n    static_configs: [{targets: ['127.0.0.1:" + port + "']}]\n");
        Process prometheus = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        try {
            CliRun r = awaitSeries(base);
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).containsPattern("prometheus_\\w+\\s+\\d+\\s+\\d+\\.\\d%");
            CliRun lint = CliRun.run("lint", "--format", "json", base + "/metrics");
            assertThat(lint.exitCode()).isIn(ExitCodes.OK, ExitCodes.FINDINGS);
            assertThat(lint.out()).contains("\"source\" : \"" + base + "/metrics\"");
        } finally {
            prometheus.destroy();
            if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
        }
    }

    /** Polls until the server reports a positive series count (it scrapes itself every second). */
    private static CliRun awaitSeries(String base) throws InterruptedException {
        Pattern count = Pattern.compile(": (\\d+) series");
        CliRun last = null;
        for (int i = 0; i < 60; i++) {
            last = CliRun.run("server-cardinality", "--timeout", "2s", base);
            Matcher m = count.matcher(last.out());
            if (last.exitCode() == 0 && m.find() && Long.parseLong(m.group(1)) > 0 && last.out().contains("prometheus_")) {
                return last;
            }
            Thread.sleep(500);
        }
        return last;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
