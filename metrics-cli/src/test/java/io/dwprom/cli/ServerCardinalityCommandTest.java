package io.dwprom.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** server-cardinality against canned Prometheus API JSON served on loopback. */
class ServerCardinalityCommandTest {
    private static final String TSDB = "{\"status\":\"success\",\"data\":{\"headStats\":{\"numSeries\":200},"
            + "\"seriesCountByMetricName\":[{\"name\":\"http_requests_total\",\"value\":150},{\"name\":\"up\",\"value\":50}],"
            + "\"labelValueCountByLabelName\":[{\"name\":\"path\",\"value\":120}],"
            + "\"seriesCountByLabelValuePair\":[{\"name\":\"job=api\",\"value\":180}]}}";

    private HttpServer server;

    /** Serves canned responses keyed by decoded path-and-query; anything else is a 404. */
    private String serve(Map<String, String> responses) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            String key = URLDecoder.decode(ex.getRequestURI().getRawPath()
                    + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery()), StandardCharsets.UTF_8);
            String body = responses.get(key);
            respond(ex, body == null ? 404 : 200, body == null ? "not found" : body);
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void tsdbStatusIsSummarisedWithShares() throws IOException {
        String url = serve(Map.of("/api/v1/status/tsdb", TSDB));
        CliRun r = CliRun.run("server-cardinality", url);
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains(url + ": 200 series")
                .containsPattern("http_requests_total\\s+150\\s+75.0%")
                .containsPattern("path\\s+120")
                .containsPattern("job=api\\s+180\\s+90.0%");
        assertThat(CliRun.run("server-cardinality", "--max-series", "100", url).exitCode()).isEqualTo(ExitCodes.FINDINGS);
    }

    @Test
    void withoutTsdbStatusSeriesAndLabelValueEndpointsAreUsed() throws IOException {
        String ok = "{\"status\":\"success\",\"data\":";
        String url = serve(Map.of(
                "/api/v1/label/__name__/values", ok + "[\"a\",\"b\"]}",
                "/api/v1/series?match[]={__name__=\"a\"}", ok + "[{},{},{}]}",
                "/api/v1/series?match[]={__name__=\"b\"}", ok + "[{}]}",
                "/api/v1/labels", ok + "[\"__name__\",\"pod\"]}",
                "/api/v1/label/pod/values", ok + "[\"p1\",\"p2\",\"p3\",\"p4\"]}"));
        CliRun r = CliRun.run("server-cardinality", url);
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains(url + ": 4 series")
                .containsPattern("a\\s+3\\s+75.0%")
                .containsPattern("b\\s+1\\s+25.0%")
                .containsPattern("pod\\s+4");
    }

    @Test
    void apiErrorIsAnInputError() throws IOException {
        String url = serve(Map.of("/api/v1/status/tsdb", "{\"status\":\"error\",\"error\":\"not ready\"}"));
        CliRun r = CliRun.run("server-cardinality", url);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(r.err()).isEqualTo("metrics-lint: " + url + "/api/v1/status/tsdb: API call failed: not ready\n");
    }
}
