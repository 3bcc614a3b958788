package io.dwprom.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** URL sources against a loopback JDK HttpServer on a free port. */
class UrlSourceTest {
    private HttpServer server;
    private final AtomicReference<HttpExchange> lastRequest = new AtomicReference<>();
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/metrics", ex -> respond(ex, 200, false, LintCommandTest.GAUGE_TOTAL));
        server.createContext("/gzip", ex -> respond(ex, 200, true, LintCommandTest.CLEAN));
        server.createContext("/fail", ex -> respond(ex, 500, false, "boom"));
        server.createContext("/slow", ex -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(ex, 200, false, LintCommandTest.CLEAN);
        });
        server.createContext("/stall", ex -> {
            ex.getResponseHeaders().set("Content-Type", TEXT_004);
            ex.sendResponseHeaders(200, 0);
            ex.getResponseBody().write("# HELP up x\n".getBytes(StandardCharsets.UTF_8));
            ex.getResponseBody().flush();
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static final String TEXT_004 = "text/plain; version=0.0.4; charset=utf-8";

    private void respond(HttpExchange ex, int status, boolean gzip, String body) throws IOException {
        respond(ex, status, gzip, body, TEXT_004);
    }

    private void respond(HttpExchange ex, int status, boolean gzip, String body, String contentType) throws IOException {
        lastRequest.set(ex);
        if (contentType != null) {
            ex.getResponseHeaders().set("Content-Type", contentType);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (gzip) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
                gz.write(bytes);
            }
            bytes = buf.toByteArray();
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
        }
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void urlIsScrapedWithPrometheusHeadersAndLinted() {
        CliRun r = CliRun.run("lint", base + "/metrics");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out()).contains("non-counter-total-suffix");
        var headers = lastRequest.get().getRequestHeaders();
        assertThat(headers.getFirst("Accept"))
                .isEqualTo("application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.6,"
                        + "application/openmetrics-text;version=0.0.1;q=0.5,text/plain;version=1.0.0;escaping=allow-utf-8;"
                        + "q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2");
        assertThat(headers.getFirst("Accept-Encoding")).isEqualTo("gzip");
        assertThat(headers.getFirst("Authorization")).isNull();
    }

    @Test
    void gzipResponsesAreDecompressed() {
        CliRun r = CliRun.run("lint", base + "/gzip");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("1 families, 1 series");
    }

    @Test
    void bearerTokenFromEnvironmentOrFileIsSent(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        java.nio.file.Path token = java.nio.file.Files.writeString(dir.resolve("token"), "s3cret\n");
        CliRun.run("lint", "--bearer-token-file", token.toString(), base + "/gzip");
        assertThat(lastRequest.get().getRequestHeaders().getFirst("Authorization")).isEqualTo("Bearer s3cret");
        java.nio.file.Path basic = java.nio.file.Files.writeString(dir.resolve("basic"), "user:pw");
        CliRun.run("lint", "--basic-auth-file", basic.toString(), base + "/gzip");
        assertThat(lastRequest.get().getRequestHeaders().getFirst("Authorization")).isEqualTo("Basic dXNlcjpwdw==");
    }

    @Test
    void credentialsFollowARedirectOnlyToTheSameSchemeHostAndPort(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicReference<HttpExchange> otherRequest = new AtomicReference<>();
        other.createContext("/metrics", ex -> {
            otherRequest.set(ex);
            respond(ex, 200, false, LintCommandTest.CLEAN);
        });
        other.start();
        try {
            String elsewhere = "http://127.0.0.1:" + other.getAddress().getPort() + "/metrics";
            String otherHost = "http://localhost:" + server.getAddress().getPort() + "/gzip";
            server.createContext("/to-other-port", ex -> redirect(ex, 302, elsewhere));
            server.createContext("/to-other-host", ex -> redirect(ex, 307, otherHost));
            server.createContext("/to-same-origin", ex -> redirect(ex, 301, "/gzip"));
            java.nio.file.Path token = java.nio.file.Files.writeString(dir.resolve("token"), "s3cret\n");

            CliRun sameOrigin = CliRun.run("lint", "--bearer-token-file", token.toString(), base + "/to-same-origin");
            assertThat(sameOrigin.exitCode()).isZero();
            assertThat(lastRequest.get().getRequestURI().getPath()).isEqualTo("/gzip");
            assertThat(lastRequest.get().getRequestHeaders().getFirst("Authorization")).isEqualTo("Bearer s3cret");

            CliRun otherPort = CliRun.run("lint", "--bearer-token-file", token.toString(), base + "/to-other-port");
            assertThat(otherPort.exitCode()).isZero();
            assertThat(otherRequest.get()).as("the redirect was followed").isNotNull();
            assertThat(otherRequest.get().getRequestHeaders().getFirst("Authorization")).isNull();

            java.nio.file.Path basic = java.nio.file.Files.writeString(dir.resolve("basic"), "user:pw");
            lastRequest.set(null);
            CliRun otherHostRun = CliRun.run("lint", "--basic-auth-file", basic.toString(), base + "/to-other-host");
            if (otherHostRun.exitCode() == 0) { // localhost reached this server (it may resolve to ::1 only)
                assertThat(lastRequest.get().getRequestURI().getPath()).isEqualTo("/gzip");
                assertThat(lastRequest.get().getRequestHeaders().getFirst("Authorization")).isNull();
            }
        } finally {
            other.stop(0);
        }
    }

    @Test
    void aRedirectLoopEndsWithAClearError() {
        server.createContext("/loop", ex -> redirect(ex, 302, "/loop"));
        CliRun r = CliRun.run("lint", base + "/loop");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(r.err()).isEqualTo("metrics-lint: " + base + "/loop: more than 10 redirects\n");
    }

    private static void redirect(HttpExchange ex, int status, String location) throws IOException {
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(status, -1);
        ex.close();
    }

    @Test
    void http500IsAnInputErrorNamingUrlAndStatus() {
        CliRun r = CliRun.run("lint", base + "/fail");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(r.err()).isEqualTo("metrics-lint: " + base + "/fail: server returned HTTP 500\n");
    }

    @Test
    void slowServerExceedingTheTimeoutIsAnInputError() {
        CliRun r = CliRun.run("lint", "--timeout", "300ms", base + "/slow");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(r.err()).isEqualTo("metrics-lint: " + base + "/slow: timed out after 300ms (--timeout)\n");
    }

    @Test
    void bodyThatStallsPastTheTimeoutIsAnInputError() {
        CliRun r = CliRun.run("lint", "--timeout", "500ms", base + "/stall");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(r.err()).isEqualTo("metrics-lint: " + base + "/stall: timed out after 500ms (--timeout)\n");
    }

    @Test
    void unreachableUrlIsAnInputError() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CliRun r = CliRun.run("lint", "http://127.0.0.1:" + port + "/metrics");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(r.err()).startsWith("metrics-lint: http://127.0.0.1:" + port + "/metrics: cannot connect");
    }

    private String serve(String path, String contentType) {
        server.createContext(path, ex -> respond(ex, 200, false, LintCommandTest.GAUGE_TOTAL, contentType));
        return base + path;
    }

    /** Media types Prometheus 3 reads; parameters, case and blanks as servers send them. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"text/plain", "text/plain; version=0.0.4",
            "text/plain;version=1.0.0;escaping=allow-utf-8", "TEXT/Plain ; charset=\"utf-8\"",
            "application/openmetrics-text; version=1.0.0; charset=utf-8", "application/openmetrics-text;",
            "application/openmetrics-text; version=0.0.1"})
    void aTextFormatsContentTypeIsRead(String contentType) {
        CliRun r = CliRun.run("lint", serve("/typed", contentType));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("non-counter-total-suffix");
    }

    /** A missing, unparsable or unknown Content-Type: an input error naming the URL and the header. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(value = {"NONE|no Content-Type header", "|no Content-Type header",
            "text|unsupported Content-Type header \"text\"", "application/json|unsupported Content-Type header",
            "text/html; charset=utf-8|unsupported Content-Type header", "text/plain; version|cannot parse the Content-Type",
            "text/plain; a=1; a=2|cannot parse the Content-Type", "text/plain/x|cannot parse the Content-Type",
            "text/plain; q=\"1|cannot parse the Content-Type"}, delimiter = '|', emptyValue = "")
    void aMissingOrInvalidContentTypeIsAnInputError(String contentType, String message) {
        String url = serve("/untyped", "NONE".equals(contentType) ? null : contentType == null ? "" : contentType);
        for (String command : new String[] {"lint", "cardinality"}) {
            CliRun r = CliRun.run(command, url);
            assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
            assertThat(r.err()).startsWith("metrics-lint: " + url + ": " + message).contains("--fallback-scrape-protocol").doesNotContain("\tat ");
        }
    }

    @Test
    void aFallbackScrapeProtocolReadsAnAnswerWithoutAUsableContentType() {
        for (String contentType : new String[] {null, "", "text/html", "text/plain; version"}) {
            String url = serve("/fallback-" + (contentType == null ? "none" : Integer.toHexString(contentType.hashCode())),
                    contentType);
            for (String protocol : new String[] {"PrometheusText0.0.4", "OpenMetricsText1.0.0", "PrometheusText1.0.0",
                    "OpenMetricsText0.0.1"}) {
                CliRun r = CliRun.run("lint", "--fallback-scrape-protocol", protocol, url);
                assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
                assertThat(r.out()).contains("non-counter-total-suffix");
            }
        }
    }

    @Test
    void theFallbackMustBeAProtocolOfPrometheus() {
        String url = serve("/plain", "text/plain");
        CliRun unknown = CliRun.run("lint", "--fallback-scrape-protocol", "text", url);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--fallback-scrape-protocol': unknown protocol \"text\"")
                .contains("PrometheusProto");
    }

    @Test
    void aProtobufFallbackReadsAnAnswerWithoutContentTypeAsProtobuf() {
        String url = serve("/no-type-proto", null);
        CliRun r = CliRun.run("lint", "--fallback-scrape-protocol", "PrometheusProto", url);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("metrics-lint: " + url + ": byte offset 0: ");
    }

    @Test
    void aProtobufAnswerIsReadAsProtobufWhateverTheFallback() {
        String url = serve("/proto", "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited");
        CliRun r = CliRun.run("lint", "--fallback-scrape-protocol", "PrometheusText0.0.4", url);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("metrics-lint: " + url + ": byte offset 0: ");
    }

    @Test
    void scrapeProtocolsMustBeKnownAndGivenOnce() {
        String url = serve("/plain-protocols", "text/plain");
        CliRun unknown = CliRun.run("lint", "--scrape-protocols", "PrometheusProto,Text", url);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--scrape-protocols' (PROTOCOL[,PROTOCOL...]): unknown protocol \"Text\"");
        CliRun twice = CliRun.run("lint", "--scrape-protocols", "PrometheusText0.0.4,PrometheusText0.0.4", url);
        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.err()).contains("--scrape-protocols: PrometheusText0.0.4 is given twice");
    }

    /** API answers of a server are JSON, not scrapes: their Content-Type is not judged. */
    @Test
    void fileSourcesAndStdinNeedNoContentType() {
        CliRun r = CliRun.withStdin(LintCommandTest.GAUGE_TOTAL.getBytes(StandardCharsets.UTF_8), "lint", "-");
        assertThat(r.exitCode()).isEqualTo(1);
    }
}
