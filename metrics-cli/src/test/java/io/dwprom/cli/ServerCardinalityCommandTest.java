package io.dwprom.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** server-cardinality against canned /api/v1/status/tsdb JSON served on loopback. */
class ServerCardinalityCommandTest {
    private static final String TSDB = "{\"status\":\"success\",\"data\":{\"headStats\":{\"numSeries\":200},"
            + "\"seriesCountByMetricName\":[{\"name\":\"http_requests_total\",\"value\":150},{\"name\":\"up\",\"value\":50}],"
            + "\"labelValueCountByLabelName\":[{\"name\":\"path\",\"value\":120}],"
            + "\"seriesCountByLabelValuePair\":[{\"name\":\"job=api\",\"value\":180}]}}";

    private static HttpServer serve(int status, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/status/tsdb", ex -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return server;
    }

    @Test
    void tsdbStatusIsSummarisedWithShares() throws IOException {
        HttpServer server = serve(200, TSDB);
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            CliRun r = CliRun.run("server-cardinality", url);
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).contains(url + ": 200 series in the head block")
                    .containsPattern("http_requests_total\\s+150\\s+75.0%")
                    .containsPattern("path\\s+120")
                    .containsPattern("job=api\\s+180\\s+90.0%");
            assertThat(CliRun.run("server-cardinality", "--max-series", "100", url).exitCode()).isEqualTo(ExitCodes.FINDINGS);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void apiErrorIsAnInputError() throws IOException {
        HttpServer server = serve(200, "{\"status\":\"error\",\"error\":\"not ready\"}");
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            CliRun r = CliRun.run("server-cardinality", url);
            assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
            assertThat(r.err()).isEqualTo("metrics-lint: " + url + "/api/v1/status/tsdb?limit=10: API call failed: not ready\n");
        } finally {
            server.stop(0);
        }
    }
}
