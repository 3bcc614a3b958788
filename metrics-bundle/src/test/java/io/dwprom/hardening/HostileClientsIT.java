package io.dwprom.hardening;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dwprom.testapp.RunningApp;
import io.dwprom.testapp.ScrapedMetrics;
import io.dwprom.testapp.TestConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that send what they like: odd paths (quotes, backslashes, encoded newlines, unicode), 10,000 random
 * URLs, made-up methods and huge headers. The exposition stays valid for promtool and the series stay few.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class HostileClientsIT {

    private static final RunningApp APP = RunningApp.create();
    @RegisterExtension
    static final DropwizardAppExtension<TestConfiguration> EXTENSION = APP.extension();

    @Test
    void hostileRequestsCannotCorruptTheExpositionOrGrowTheSeries() throws Exception {
        List<String> oddTargets = List.of("/items/%22quoted%22", "/items/back%5Cslash", "/items/new%0Aline",
                "/items/%F0%9F%92%A5", "/%C3%BCn%C3%AFcode/%E6%97%A5%E6%9C%AC", "/items/\"raw-quote\"",
                "/items/a\\b", "/items/%00nul", "/items/..%2F..%2Fetc", "/items/" + "x".repeat(4000));
        for (String target : oddTargets) {
            assertThat(rawRequest("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                    .as(target).matches("HTTP/1\\.1 [1-5]\\d\\d.*");
        }
        for (String method : List.of("FOO", "PROPFIND", "BREW", "G\u00c9T")) {
            assertThat(rawRequest(method + " /items/1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                    .as(method).startsWith("HTTP/1.1 ");
        }
        assertThat(rawRequest("GET /items/1 HTTP/1.1\r\nHost: x\r\nX-Huge: " + "h".repeat(100_000)
                + "\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 431");
        sendRandomUrls(10_000);

        String exposition = APP.scrape();
        ScrapedMetrics scrape = new ScrapedMetrics(exposition);
        long series = scrape.samples("http_requests_total").size();
        assertThat(series).as("http_requests_total series").isLessThanOrEqualTo(12);
        assertThat(scrape.samples("http_requests_total")).allSatisfy(sample -> {
            assertThat(sample.labels().get("method")).isIn("GET", "OTHER");
            assertThat(sample.labels().get("path")).isIn("/items/{id}", "NOT_FOUND", "UNMATCHED", "REDIRECTION");
        });
        assertThat(scrape.value("http_requests_total", "method", "GET", "path", "NOT_FOUND", "status", "404"))
                .isGreaterThanOrEqualTo(10_000);
        assertThat(io.dwprom.internal.exposition.PromtoolAccess.findings(exposition)).isEmpty();
        System.out.printf("HostileClientsIT: %d odd targets, 4 odd methods, 1 huge header, 10000 random URLs -> %d "
                + "http_requests_total series%n", oddTargets.size(), series);
    }

    @Test
    void aQueryStringThatCannotBeDecodedIsTheScrapersErrorNotAFailedScrape() throws IOException {
        for (String query : List.of("?%ff", "?name[]=%ff%fe", "?name[]=%", "?%zz=1")) {
            assertThat(rawRequest(EXTENSION.getAdminPort(), "GET /prometheus" + query
                    + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).as(query).startsWith("HTTP/1.1 400");
        }

        ScrapedMetrics scrape = new ScrapedMetrics(APP.scrape());
        assertThat(scrape.samples("dwprom_scrape_errors_total")).hasSize(1);
        assertThat(scrape.value("dwprom_scrape_errors_total")).isZero();
    }

    private static void sendRandomUrls(int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int worker = 0; worker < 4; worker++) {
                long seed = worker;
                workers.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    for (int i = 0; i < count / 4; i++) {
                        String path = "/" + Long.toHexString(random.nextLong()) + "/" + random.nextInt(1_000_000)
                                + "?q=" + random.nextInt();
                        assertThat(APP.get(path).statusCode()).isEqualTo(404);
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sends bytes no well-behaved client would, and returns the status line. */
    private static String rawRequest(String request) throws IOException {
        return rawRequest(EXTENSION.getLocalPort(), request);
    }

    private static String rawRequest(int port, String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder statusLine = new StringBuilder();
            for (int c = in.read(); c >= 0 && c != '\r' && c != '\n'; c = in.read()) {
                statusLine.append((char) c);
            }
            return statusLine.toString();
        }
    }
}
