package io.dwprom.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dwprom.scrape.parse.ClientJavaScrapes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Protobuf scrapes written by client_java, read from files, stdin and a loopback URL, against the same registry's
 * text scrape.
 */
class ProtobufSourceTest {
    private static final String PROTOBUF_TYPE =
            "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited";

    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicReference<String> accept = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ClientJavaScrapes classic = ClientJavaScrapes.classic();
        // Answers as client_java's exporter does: protobuf when the Accept header names it, text otherwise.
        server.createContext("/metrics", ex -> {
            String header = ex.getRequestHeaders().getFirst("Accept");
            accept.set(header);
            boolean proto = header != null && header.contains("application/vnd.google.protobuf");
            respond(ex, proto ? PROTOBUF_TYPE : "text/plain; version=0.0.4; charset=utf-8",
                    proto ? classic.protobuf() : classic.text());
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void respond(HttpExchange ex, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/metrics";
    }

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    /** The output with the source's name replaced, so that two sources' reports compare. */
    private static String report(CliRun run, String source) {
        return run.out().replace(source, "SOURCE");
    }

    @Test
    void aProtobufFileLintsAsTheTextScrapeOfTheSameRegistry() throws IOException {
        ClientJavaScrapes scrapes = ClientJavaScrapes.classic();
        Path text = file("scrape.prom", scrapes.text());
        CliRun expected = CliRun.run("lint", text.toString());
        assertThat(expected.exitCode()).as(expected.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(expected.out()).contains("non-counter-total-suffix").contains("camel-case");
        for (String name : new String[] {"scrape.pb", "scrape.bin", "scrape-without-extension"}) {
            Path proto = file(name, scrapes.protobuf());
            CliRun actual = CliRun.run("lint", proto.toString());
            assertThat(actual.exitCode()).as(actual.err()).isEqualTo(expected.exitCode());
            assertThat(report(actual, proto.toString())).isEqualTo(report(expected, text.toString()));
        }
    }

    @Test
    void aProtobufFileHasTheCardinalityOfTheTextScrape() throws IOException {
        ClientJavaScrapes scrapes = ClientJavaScrapes.classic();
        Path text = file("scrape.prom", scrapes.text());
        Path proto = file("scrape.pb.gz", gzip(scrapes.protobuf()));
        CliRun expected = CliRun.run("cardinality", "--top", "20", text.toString());
        CliRun actual = CliRun.run("cardinality", "--top", "20", proto.toString());
        assertThat(actual.exitCode()).as(actual.err()).isZero();
        assertThat(expected.out()).contains(": " + classicSeries() + " series in 5 families");
        assertThat(report(actual, proto.toString())).isEqualTo(report(expected, text.toString()));
    }

    @Test
    void aProtobufScrapeAndTheTextScrapeOfTheSameRegistryDifferInNoSeries() throws IOException {
        ClientJavaScrapes scrapes = ClientJavaScrapes.classic();
        Path text = file("scrape.prom", scrapes.text());
        Path proto = file("scrape.pb", scrapes.protobuf());
        CliRun r = CliRun.run("diff", text.toString(), proto.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("series: " + classicSeries() + " -> " + classicSeries() + " (+0.0%), 0 added, 0 removed\n");
    }

    @Test
    void protobufOnStdinIsDetected() {
        ClientJavaScrapes scrapes = ClientJavaScrapes.classic();
        CliRun expected = CliRun.withStdin(scrapes.text(), "cardinality", "-");
        CliRun actual = CliRun.withStdin(scrapes.protobuf(), "cardinality", "-");
        assertThat(actual.exitCode()).as(actual.err()).isZero();
        assertThat(actual.out()).isEqualTo(expected.out());
    }

    @Test
    void aUrlIsAskedForProtobufOnlyWhenTheScrapeProtocolsSaySo() throws IOException {
        Path text = file("scrape.prom", ClientJavaScrapes.classic().text());
        CliRun expected = CliRun.run("lint", text.toString());

        CliRun byDefault = CliRun.run("lint", url());
        assertThat(accept.get()).doesNotContain("protobuf");
        assertThat(report(byDefault, url())).isEqualTo(report(expected, text.toString()));

        CliRun proto = CliRun.run("lint", "--scrape-protocols", "PrometheusProto,PrometheusText0.0.4", url());
        assertThat(accept.get()).isEqualTo("application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;"
                + "encoding=delimited;q=0.6,text/plain;version=0.0.4;q=0.5,*/*;q=0.4");
        assertThat(proto.exitCode()).as(proto.err()).isEqualTo(expected.exitCode());
        assertThat(report(proto, url())).isEqualTo(report(expected, text.toString()));

        CliRun cardinality = CliRun.run("cardinality", "--scrape-protocols", "PrometheusProto", url());
        assertThat(report(cardinality, url())).isEqualTo(report(CliRun.run("cardinality", text.toString()),
                text.toString()));
    }

    @Test
    void aNativeHistogramIsOneSeriesBesideItsClassicBuckets() throws IOException {
        Path proto = file("native.pb", ClientJavaScrapes.nativeHistograms().protobuf());
        CliRun r = CliRun.run("cardinality", proto.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        int paths = ClientJavaScrapes.PATHS.length;
        int both = paths * (1 + ClientJavaScrapes.BUCKETS.length + 1 + 2);
        assertThat(r.out()).contains(": " + (paths + both) + " series in 2 families")
                .containsPattern("both_seconds\\s+histogram\\s+" + both + "\\s")
                .containsPattern("native_only_seconds\\s+histogram\\s+" + paths + "\\s")
                .containsPattern("both_seconds\\s+le\\s+" + (ClientJavaScrapes.BUCKETS.length + 1) + "\\s");
    }

    @Test
    void aNativeOnlyHistogramRaisesNoClassicBucketProblem() throws IOException {
        Path proto = file("native.pb", ClientJavaScrapes.nativeHistograms().protobuf());
        CliRun r = CliRun.run("lint", "--fail-on", "info", proto.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).doesNotContain("+Inf").doesNotContain("bucket");
    }

    @Test
    void churnAndUsageReadProtobufScrapes() throws IOException {
        Path text = file("scrape.prom", ClientJavaScrapes.classic().text());
        Path proto = file("scrape.pb", ClientJavaScrapes.nativeHistograms().protobuf());
        CliRun churn = CliRun.run("churn", text.toString(), proto.toString());
        assertThat(churn.exitCode()).as(churn.err()).isZero();
        assertThat(churn.out()).contains("native_only_seconds");
        Path queries = Files.writeString(dir.resolve("queries.txt"),
                "histogram_quantile(0.9, sum by (path) (rate(native_only_seconds[5m])))\n");
        CliRun usage = CliRun.run("usage", "--queries", queries.toString(), proto.toString());
        assertThat(usage.exitCode()).as(usage.err()).isZero();
        assertThat(usage.out()).contains("both_seconds").doesNotContainPattern("(?m)^\\s*native_only_seconds\\s");
    }

    @Test
    void checkMetricsReadsStdinAsTextOnly() {
        CliRun r = CliRun.withStdin(ClientJavaScrapes.classic().protobuf(), "check-metrics");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.PROMTOOL_PARSE_ERROR);
        assertThat(r.err()).startsWith("error while linting: stdin:1:");
    }

    @Test
    void malformedProtobufIsAnInputErrorNamingTheFileAndByteOffset() throws IOException {
        byte[] valid = ClientJavaScrapes.classic().protobuf();
        int first = firstMessageLength(valid);
        byte[] one = Arrays.copyOf(valid, first);

        Path truncated = file("truncated.pb", Arrays.copyOf(valid, valid.length - 3));
        assertInputError(CliRun.run("lint", truncated.toString()), truncated + ": byte offset ", "truncated message");

        Path badVarint = file("bad-varint.pb", concat(one, new byte[] {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 1}));
        assertInputError(CliRun.run("cardinality", badVarint.toString()), badVarint + ": byte offset " + first + ": ",
                "malformed length prefix");

        Path garbage = file("garbage.data", concat(one, new byte[] {3, -1, -1, -1}));
        assertInputError(CliRun.run("lint", "--input-format", "protobuf", garbage.toString()),
                garbage + ": byte offset " + first + ": ", "not a MetricFamily message");

        Path big = file("big.pb", valid);
        assertInputError(CliRun.run("lint", "--max-bytes", Integer.toString(first - 1), big.toString()),
                big + ": byte offset 0: ", "beyond the input limit of " + (first - 1) + " bytes (--max-bytes)");
    }

    @Test
    void aFamilyTwiceIsAnInputErrorNamingItAndItsMessage() throws IOException {
        byte[] valid = ClientJavaScrapes.classic().protobuf();
        Path twice = file("twice.pb", concat(valid, valid));
        CliRun r = CliRun.run("lint", twice.toString());
        assertInputError(r, twice + ": byte offset " + valid.length + ": ", "second HELP line for metric name");
        assertThat(r.err()).contains("(metric family \"http_request_duration_seconds\", message 6)");
    }

    @Test
    void aProtobufAnswerThatIsNotProtobufIsAnInputErrorNamingTheUrl() {
        server.createContext("/liar", ex -> respond(ex, PROTOBUF_TYPE, "up 1\n".getBytes()));
        String liar = "http://127.0.0.1:" + server.getAddress().getPort() + "/liar";
        assertInputError(CliRun.run("lint", liar), liar + ": byte offset 0: ", "truncated message");
    }

    /**
     * The series of {@link ClientJavaScrapes#classic()}: per path a counter, a gauge, a summary's 2 quantiles, count
     * and sum, a histogram's buckets (with +Inf), count and sum; and the unlabelled counter.
     */
    private static int classicSeries() {
        return ClientJavaScrapes.PATHS.length * (1 + 1 + (2 + 2) + (ClientJavaScrapes.BUCKETS.length + 1 + 2)) + 1;
    }

    private static void assertInputError(CliRun r, String location, String what) {
        assertThat(r.exitCode()).as(r.out()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(r.err()).startsWith("metrics-lint: " + location).contains(what).doesNotContain("\tat ");
    }

    /** The length of the first delimited message, its varint prefix included. */
    private static int firstMessageLength(byte[] b) {
        int length = 0;
        int p = 0;
        for (int shift = 0; ; shift += 7) {
            int c = b[p++] & 0xff;
            length |= (c & 0x7f) << shift;
            if (c < 0x80) {
                return p + length;
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
