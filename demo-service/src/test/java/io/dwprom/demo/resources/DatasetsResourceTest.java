package io.dwprom.demo.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dwprom.demo.DemoApp;
import io.dwprom.testapp.ScrapedMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static io.dwprom.demo.DemoApp.json;
import static org.assertj.core.api.Assertions.assertThat;

class DatasetsResourceTest {

    private static final long LIMIT = 8L * 1024 * 1024;

    @RegisterExtension
    static final DemoApp APP = new DemoApp(ConfigOverride.config("datasets.maxSizeBytes", Long.toString(LIMIT)));

    private static HttpResponse<String> upload(String query, HttpRequest.BodyPublisher body) {
        return APP.postBytes("/datasets" + query, "application/octet-stream", body);
    }

    /** A body of {@code size} bytes produced on the fly, never held whole by the test either. */
    private static HttpRequest.BodyPublisher generated(long size) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new InputStream() {
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? (int) (left % 251) : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = (byte) (--left % 251);
                }
                return n;
            }
        });
    }

    private static List<Path> storedFiles() throws IOException {
        try (Stream<Path> files = Files.list(APP.storageDir())) {
            return files.toList();
        }
    }

    @Test
    void anUploadAnswers201WithItsSizeStoresTheExactBytesAndObservesTheSize() throws IOException {
        ScrapedMetrics before = APP.scrape();
        byte[] bytes = "prompt,completion\nhello,world\n".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = upload("?name=greetings.csv", HttpRequest.BodyPublishers.ofByteArray(bytes));

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode dataset = json(response);
        assertThat(dataset.get("id").asLong()).isPositive();
        assertThat(dataset.get("name").asText()).isEqualTo("greetings.csv");
        assertThat(dataset.get("sizeBytes").asLong()).isEqualTo(bytes.length);
        String key = APP.database().withHandle(h -> h.createQuery("SELECT storage_key FROM datasets WHERE id = :id")
                .bind("id", dataset.get("id").asLong()).mapTo(String.class).one());
        assertThat(APP.storageDir().resolve(key + ".bin")).hasBinaryContent(bytes);

        ScrapedMetrics after = APP.scrape();
        assertThat(after.value("datasets_uploaded_total")).isEqualTo(before.value("datasets_uploaded_total") + 1);
        assertThat(after.value("dataset_upload_size_bytes_sum"))
                .isEqualTo(before.value("dataset_upload_size_bytes_sum") + bytes.length);
    }

    @Test
    void aChunkedUploadOfSeveralMegabytesIsStoredWhole() {
        long size = 5L * 1024 * 1024 + 17;

        HttpResponse<String> response = upload("?name=big.bin", generated(size));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(json(response).get("sizeBytes").asLong()).isEqualTo(size);
    }

    @Test
    void anUploadOverTheLimitIs413AndLeavesNoRowNoFileAndNoCount() throws IOException {
        long rows = APP.count("datasets");
        List<Path> files = storedFiles();
        double before = APP.scrape().value("datasets_uploaded_total");

        HttpResponse<String> response = upload("?name=huge.bin", generated(LIMIT + 1));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("message").asText()).contains(Long.toString(LIMIT));
        assertThat(APP.count("datasets")).isEqualTo(rows);
        assertThat(storedFiles()).isEqualTo(files);
        assertThat(APP.scrape().value("datasets_uploaded_total")).isEqualTo(before);
    }

    @Test
    void anEmptyUploadIs400AndLeavesNoFile() throws IOException {
        List<Path> files = storedFiles();

        HttpResponse<String> response = upload("?name=empty.bin", HttpRequest.BodyPublishers.noBody());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("message").asText()).isEqualTo("the dataset body is empty");
        assertThat(storedFiles()).isEqualTo(files);
    }

    @Test
    void anUploadWithoutNameIs400NamingTheParameter() {
        HttpResponse<String> response = upload("", HttpRequest.BodyPublishers.ofString("x"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("errors").toString()).contains("name");
    }

    @Test
    void anUploadAsJsonIsUnsupportedMediaType() {
        HttpResponse<String> response = APP.postJson("/datasets?name=x.json", "{}");

        assertThat(response.statusCode()).isEqualTo(415);
    }

    @Test
    void whenTheStorageIsGoneAnUploadIs500AndLeavesNoRow() throws IOException {
        long rows = APP.count("datasets");
        Path moved = APP.storageDir().resolveSibling(APP.storageDir().getFileName() + "-away");
        Files.move(APP.storageDir(), moved);
        try {
            HttpResponse<String> response = upload("?name=lost.bin", HttpRequest.BodyPublishers.ofString("x"));

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(APP.count("datasets")).isEqualTo(rows);
        } finally {
            Files.move(moved, APP.storageDir());
        }
    }

    @Test
    void anUploadTheClientAbortsMidwayIsTheClientsErrorNotAFiveHundred() throws Exception {
        ScrapedMetrics before = APP.scrape();

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), APP.uri("/").getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /datasets?name=aborted HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n1000\r\n" + "x".repeat(100)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(200);
        }

        ScrapedMetrics after = awaitRequestCount(before.value("http_requests_total", "method", "POST",
                "path", "/datasets", "status", "400") + 1);
        assertThat(after.value("http_requests_total", "method", "POST", "path", "/datasets", "status", "500"))
                .isEqualTo(before.value("http_requests_total", "method", "POST", "path", "/datasets", "status", "500"));
        assertThat(after.value("datasets_uploaded_total")).isEqualTo(before.value("datasets_uploaded_total"));
        assertThat(storedFiles()).noneMatch(file -> file.getFileName().toString().endsWith(".part"));
    }

    private static ScrapedMetrics awaitRequestCount(double expected400s) throws InterruptedException {
        ScrapedMetrics scrape = APP.scrape();
        for (int attempt = 0; attempt < 100 && scrape.value("http_requests_total", "method", "POST", "path",
                "/datasets", "status", "400") < expected400s; attempt++) {
            Thread.sleep(100);
            scrape = APP.scrape();
        }
        assertThat(scrape.value("http_requests_total", "method", "POST", "path", "/datasets", "status", "400"))
                .isEqualTo(expected400s);
        return scrape;
    }
}
