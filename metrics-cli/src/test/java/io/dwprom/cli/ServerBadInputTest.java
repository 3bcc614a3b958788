package io.dwprom.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The server commands against unreachable servers and bad answers, and how they pick the API per server kind. */
class ServerBadInputTest {
    private static final String OK = "{\"status\":\"success\",\"data\":";
    private static final String VM_TSDB = OK + "{\"totalSeries\":7,\"seriesCountByMetricName\":[{\"name\":\"a\",\"value\":5},"
            + "{\"name\":\"b\",\"value\":1}],\"labelValueCountByLabelName\":[],\"seriesCountByLabelValuePair\":[],"
            + "\"seriesCountByFocusLabelValue\":[]}}";

    private HttpServer server;
    private final List<String> requests = new ArrayList<>();

    /** Serves a body per path (query ignored), with {@code status} for {@code /api/v1/series}; records each request. */
    private String serve(Map<String, String> bodies, int status) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            synchronized (requests) {
                requests.add(ex.getRequestURI().getPath() + "?" + ex.getRequestURI().getQuery());
            }
            String body = bodies.get(ex.getRequestURI().getPath());
            byte[] bytes = (body == null ? "404 page not found" : body).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(body == null ? 404 : ex.getRequestURI().getPath().equals("/api/v1/series") ? status : 200, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void anUnreachableServerIsNamedAndExitsTwo() throws IOException {
        String url = "http://127.0.0.1:" + RealServer.freePort();
        CliRun cardinality = CliRun.run("server-cardinality", "--timeout", "2s", url);
        assertThat(cardinality.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(cardinality.err()).startsWith("metrics-lint: " + url + "/api/v1/status/tsdb: cannot connect");
        CliRun churn = CliRun.run("churn", "--server", url, "--range", "1h");
        assertThat(churn.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(churn.err()).startsWith("metrics-lint: " + url + "/api/v1/status/tsdb: cannot connect");
    }

    @Test
    void anAnswerThatIsNotJsonIsNamed() throws IOException {
        String url = serve(Map.of("/api/v1/status/tsdb", "<html>login</html>"), 200);
        CliRun r = CliRun.run("churn", "--server", url, "--range", "1h");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(r.err()).isEqualTo("metrics-lint: " + url + "/api/v1/status/tsdb: response is not JSON\n");
    }

    @Test
    void anApiErrorCarriesTheServersOwnMessage() throws IOException {
        String url = serve(Map.of("/api/v1/status/tsdb", OK + "{\"headStats\":{\"numSeries\":1}}}",
                "/api/v1/series", "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"1:2: parse error: unexpected\"}"), 400);
        CliRun r = CliRun.run("server-cardinality", "--match", "{a", url);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(r.err()).isEqualTo("metrics-lint: " + url + "/api/v1/series?match%5B%5D=%7Ba: server returned HTTP 400: "
                + "1:2: parse error: unexpected\n");
    }

    @Test
    void victoriaMetricsTotalIsItsTotalSeriesNotTheSumOfTheTopList() throws IOException {
        String url = serve(Map.of("/api/v1/status/tsdb", VM_TSDB), 200);
        CliRun r = CliRun.run("server-cardinality", url);
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith(url + ": 7 series\nserver: VictoriaMetrics (")
                .contains("\ntotal: totalSeries of /api/v1/status/tsdb: series seen on ");
        CliRun job = CliRun.run("server-cardinality", "--job", "api", "--top", "3", url);
        assertThat(job.exitCode()).isZero();
        assertThat(requests).contains("/api/v1/status/tsdb?topN=3&match[]={job=\"api\"}&focusLabel=instance");
    }

    @Test
    void churnAsksVictoriaMetricsForInstantQueriesAndOthersForTheSeriesApi() throws IOException {
        String vm = serve(Map.of("/api/v1/status/tsdb", VM_TSDB,
                "/api/v1/query", OK + "{\"resultType\":\"vector\",\"result\":[{\"metric\":{\"__name__\":\"a\",\"pod\":\"p1\"},\"value\":[1,\"1\"]}]}}"), 200);
        CliRun r = CliRun.run("churn", "--server", vm, "--start", "1000", "--end", "2000", "--window", "1m");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(requests).contains("/api/v1/query?query={__name__=~\".+\"}&time=1000.000&step=60s",
                "/api/v1/query?query={__name__=~\".+\"}&time=2000.000&step=60s");
        assertThat(r.out()).contains("churn: 1 -> 1 series, 0 appeared, 0 disappeared, churn rate 0.0%");
        stop();
        requests.clear();
        String prometheus = serve(Map.of("/api/v1/status/tsdb", OK + "{\"headStats\":{\"numSeries\":1}}}",
                "/api/v1/series", OK + "[{\"__name__\":\"a\",\"pod\":\"p1\"}]}"), 200);
        CliRun p = CliRun.run("churn", "--server", prometheus, "--start", "2026-01-01T00:00:00Z", "--range", "1h");
        assertThat(p.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        CliRun q = CliRun.run("churn", "--server", prometheus, "--start", "2026-01-01T00:00:00Z", "--end", "2026-01-01T01:00:00Z");
        assertThat(q.exitCode()).as(q.err()).isZero();
        assertThat(requests).contains("/api/v1/series?match[]={__name__=~\".+\"}&start=1767225300.000&end=1767225600.000");
    }
}
