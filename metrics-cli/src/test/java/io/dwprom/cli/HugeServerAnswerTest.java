package io.dwprom.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Server answers far larger than the heap of the metrics-lint reading them (a child JVM with a 64 MiB heap): streamed,
 * they are counted when what they say fits in memory; when it does not, the run ends with one line naming the URL
 * and exit 2, and the deadline holds whatever the heap does.
 */
class HugeServerAnswerTest {
    private static final String OK = "{\"status\":\"success\",\"data\":";
    private static final List<String> SMALL_HEAP = List.of("-Xmx64m", "-XX:+UseSerialGC");

    @TempDir
    Path dir;

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /**
     * A Prometheus whose {@code /api/v1/series} answers {@code series} series, written as they are generated;
     * {@code distinct} says whether each has an instance of its own or all repeat a few label sets; with
     * {@code endless} the answer never ends, trickling series.
     */
    private String serve(long series, boolean distinct, boolean endless) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/status/tsdb", ex -> respond(ex, OK + "{\"headStats\":{\"numSeries\":1}}}"));
        server.createContext("/api/v1/metadata", ex -> respond(ex, OK + "{}}"));
        server.createContext("/api/v1/series", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = new BufferedOutputStream(ex.getResponseBody(), 1 << 16)) {
                out.write((OK + "[").getBytes(StandardCharsets.UTF_8));
                for (long i = 0; endless || i < series; i++) {
                    String instance = distinct ? "host-" + i + ".example.org:9100" : "host-" + (i % 4) + ":9100";
                    out.write(((i == 0 ? "" : ",") + "{\"__name__\":\"http_requests_total\",\"job\":\"api\",\"instance\":\""
                            + instance + "\",\"path\":\"/api/v1/items/" + (distinct ? i : i % 3) + "\"}")
                            .getBytes(StandardCharsets.UTF_8));
                    if (endless && i % 1000 == 0) {
                        out.flush();
                        Thread.sleep(1);
                    }
                }
                out.write("]}".getBytes(StandardCharsets.UTF_8));
            } catch (IOException | InterruptedException clientGone) {
                // the client gave up: the test is about what it said
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void respond(HttpExchange ex, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    @Timeout(180)
    void anAnswerLargerThanTheHeapIsStreamedAndCounted() throws Exception {
        String url = serve(1_000_000, false, false); // ~110 MB of JSON, 12 distinct series
        ChildJvm cardinality = ChildJvm.run(dir, SMALL_HEAP, null, 120,
                "server-cardinality", "--timeout", "100s", "--job", "api", url);
        assertThat(cardinality.exitCode()).as(cardinality.err()).isZero();
        assertThat(cardinality.out()).contains("1000000");
        ChildJvm churn = ChildJvm.run(dir, SMALL_HEAP, null, 120,
                "churn", "--timeout", "100s", "--server", url, "--job", "api", "--range", "1h");
        assertThat(churn.exitCode()).as(churn.err()).isZero();
        assertThat(churn.out()).startsWith("churn: 12 -> 12 series, 0 appeared, 0 disappeared");
    }

    /**
     * The heap fills as fast as the answer arrives: on a loaded machine the 40 s deadline may come first. Either
     * ending is the contract: one line naming the URL, exit 2, within the deadline.
     */
    @Test
    @Timeout(240)
    void anAnswerWhoseSeriesDoNotFitIsOneLineNamingTheUrlAndExitTwo() throws Exception {
        String url = serve(3_000_000, true, false);
        for (String[] args : List.of(new String[] {"server-cardinality", "--timeout", "40s", "--job", "api", url},
                new String[] {"churn", "--timeout", "40s", "--server", url, "--job", "api", "--range", "1h"},
                new String[] {"usage", "--timeout", "40s", "--server", url, "--job", "api", "--queries", queries()})) {
            ChildJvm r = ChildJvm.run(dir, SMALL_HEAP, null, 70, args);
            assertThat(r.exitCode()).as(args[0] + ": " + r.err()).isEqualTo(ExitCodes.INPUT_ERROR);
            assertThat(r.err()).as(args[0]).startsWith("metrics-lint: " + url + "/api/v1/series?match%5B%5D=")
                    .hasLineCount(1);
            if (!r.err().contains("timed out after 40s (--timeout)")) {
                assertThat(r.err()).as(args[0]).contains(": the answer does not fit in the Java heap (")
                        .contains("-Xmx");
            }
        }
    }

    @Test
    @Timeout(120)
    void theDeadlineHoldsWhileAnEndlessAnswerFillsTheHeap() throws Exception {
        String url = serve(0, true, true);
        ChildJvm r = ChildJvm.run(dir, SMALL_HEAP, null, 100,
                "churn", "--timeout", "8s", "--server", url, "--job", "api", "--range", "1h");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(r.err()).startsWith("metrics-lint: " + url + "/api/v1/series").hasLineCount(1);
        assertThat(r.millis()).as("ended by the 8 s deadline, with its grace and the JVM's start").isLessThan(20_000);
    }

    private String queries() throws IOException {
        return Files.writeString(dir.resolve("q.promql"), "sum by (job) (rate(http_requests_total[5m]))\n").toString();
    }
}
