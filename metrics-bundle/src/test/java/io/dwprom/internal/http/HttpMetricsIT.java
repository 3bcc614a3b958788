package io.dwprom.internal.http;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dwprom.testapp.RunningApp;
import io.dwprom.testapp.ScrapedMetrics;
import io.dwprom.testapp.TestConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTP families against a running application and real requests. */
@ExtendWith(DropwizardExtensionsSupport.class)
class HttpMetricsIT {

    private static final RunningApp APP = RunningApp.create();
    @RegisterExtension
    static final DropwizardAppExtension<TestConfiguration> EXTENSION = APP.extension();

    @Test
    void requestsAreLabelledByRouteTemplateNeverByRawPath() {
        double before = requests("GET", "/items/{id}", "200");
        for (int id = 1; id <= 3; id++) {
            assertThat(APP.get("/items/" + id).statusCode()).isEqualTo(200);
        }

        ScrapedMetrics scrape = scrape();
        assertThat(scrape.value("http_requests_total", "method", "GET", "path", "/items/{id}", "status", "200"))
                .isEqualTo(before + 3);
        assertThat(scrape.samples("http_requests_total")).noneMatch(s -> s.labels().get("path").matches(".*/\\d+"));
    }

    @Test
    void subResourceLocatorsJoinEveryMatchedTemplate() {
        double before = requests("GET", "/parent/{parentId}/child/{childId}", "200");
        APP.get("/parent/p1/child/c1");
        APP.get("/parent/p2/child/c2");

        assertThat(requests("GET", "/parent/{parentId}/child/{childId}", "200")).isEqualTo(before + 2);
    }

    @Test
    void aHeadRequestAnsweredByAGetMethodKeepsItsOwnMethodLabelAlongsideTheGets() {
        double getsBefore = requests("GET", "/items/{id}", "200");
        double headsBefore = requests("HEAD", "/items/{id}", "200");
        for (int i = 0; i < 3; i++) {
            assertThat(APP.get("/items/7").statusCode()).isEqualTo(200);
            assertThat(APP.send("HEAD", "/items/7", HttpRequest.BodyPublishers.noBody()).statusCode()).isEqualTo(200);
        }

        ScrapedMetrics scrape = scrape();
        assertThat(scrape.value("http_requests_total", "method", "GET", "path", "/items/{id}", "status", "200"))
                .isEqualTo(getsBefore + 3);
        assertThat(scrape.value("http_requests_total", "method", "HEAD", "path", "/items/{id}", "status", "200"))
                .isEqualTo(headsBefore + 3);
    }

    @Test
    void unmatchedRequestsFoldIntoOneNotFoundSeries() {
        double before = requests("GET", HttpLabels.NOT_FOUND, "404");
        int seriesBefore = scrape().samples("http_requests_total").size();
        for (int i = 0; i < 50; i++) {
            assertThat(APP.get("/random-" + i + "/" + System.nanoTime()).statusCode()).isEqualTo(404);
        }

        ScrapedMetrics scrape = scrape();
        assertThat(scrape.value("http_requests_total", "method", "GET", "path", "NOT_FOUND", "status", "404"))
                .isEqualTo(before + 50);
        assertThat(scrape.samples("http_requests_total").size()).isLessThanOrEqualTo(seriesBefore + 1);
    }

    @Test
    void unknownMethodsFoldIntoOther() {
        double before = requests("OTHER", HttpLabels.UNMATCHED, "405");
        HttpResponse<String> response = APP.send("FOO", "/items/1", HttpRequest.BodyPublishers.noBody());

        assertThat(response.statusCode()).isEqualTo(405);
        ScrapedMetrics scrape = scrape();
        assertThat(scrape.value("http_requests_total", "method", "OTHER", "path", "UNMATCHED", "status", "405"))
                .isEqualTo(before + 1);
        assertThat(scrape.samples("http_requests_total")).noneMatch(s -> s.labels().get("method").equals("FOO"));
    }

    @Test
    void excludedPathsRecordNothing() {
        double totalBefore = scrape().sum("http_requests_total");
        for (int i = 0; i < 5; i++) {
            assertThat(APP.get("/health").body()).isEqualTo("ok");
        }

        ScrapedMetrics scrape = scrape();
        assertThat(scrape.sum("http_requests_total")).isEqualTo(totalBefore);
        assertThat(scrape.samples("http_requests_total")).noneMatch(s -> s.labels().get("path").contains("health"));
    }

    @Test
    void aBodyWithAContentLengthIsMeasuredByItEvenWhenTheResourceNeverReadsIt() {
        double before = scrape().sum("http_request_size_bytes_sum", "method", "POST", "path", "/db/items/{id}");
        HttpResponse<String> response = APP.send(HttpRequest.newBuilder(APP.appUri("/db/items/4242"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[4321])));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(scrape().sum("http_request_size_bytes_sum", "method", "POST", "path", "/db/items/{id}"))
                .isEqualTo(before + 4321);
    }

    @Test
    void failuresAreCountedWithTheirStatus() {
        double before = requests("GET", "/fail", "500");
        assertThat(APP.get("/fail").statusCode()).isEqualTo(500);

        assertThat(requests("GET", "/fail", "500")).isEqualTo(before + 1);
    }

    @Test
    void streamedBodiesWithoutContentLengthAreMeasuredExactly() {
        byte[] upload = new byte[150_000];
        HttpResponse<String> uploaded = APP.send(HttpRequest.newBuilder(APP.appUri("/items"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(upload))));
        HttpResponse<String> streamed = APP.get("/stream?bytes=123456");

        assertThat(uploaded.body()).contains("150000");
        assertThat(streamed.headers().firstValue("Content-Length")).isEmpty();
        assertThat(streamed.body()).hasSize(123_456);
        ScrapedMetrics scrape = scrape();
        assertThat(scrape.value("http_request_size_bytes_sum", "method", "POST", "path", "/items"))
                .isEqualTo(150_000);
        assertThat(scrape.value("http_response_size_bytes_sum", "method", "GET", "path", "/stream"))
                .isEqualTo(123_456);
        assertThat(scrape.value("http_response_size_bytes_bucket", "method", "GET", "path", "/stream",
                "le", "100000.0")).isEqualTo(0);
        assertThat(scrape.value("http_response_size_bytes_bucket", "method", "GET", "path", "/stream",
                "le", "1000000.0")).isEqualTo(1);
    }

    @Test
    void aRequestIsInFlightWhileServedAndNoLongerAfter() throws Exception {
        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> APP.get("/slow"));
        APP.application().gate().awaitEntered();

        assertThat(new ScrapedMetrics(APP.scrape(null).body()).value("http_requests_in_flight")).isEqualTo(1);

        APP.application().gate().open();
        assertThat(slow.get(30, TimeUnit.SECONDS).body()).isEqualTo("done");
        assertThat(scrape().value("http_requests_in_flight")).isEqualTo(0);
    }

    @Test
    void histogramsHaveTheConfiguredBucketBounds() {
        APP.get("/items/7");
        ScrapedMetrics scrape = scrape();

        assertThat(scrape.type("http_request_duration_seconds")).isEqualTo("histogram");
        assertThat(bounds(scrape, "http_request_duration_seconds_bucket")).containsExactly(
                "0.001", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "10.0", "+Inf");
        assertThat(bounds(scrape, "http_request_size_bytes_bucket")).containsExactly(
                "100.0", "1000.0", "10000.0", "100000.0", "1000000.0", "1.0E7", "+Inf");
        assertThat(bounds(scrape, "http_response_size_bytes_bucket")).hasSize(7);
        assertThat(scrape.type("http_requests_total")).isEqualTo("counter");
        assertThat(scrape.type("http_requests_in_flight")).isEqualTo("gauge");
    }

    private static List<String> bounds(ScrapedMetrics scrape, String bucketName) {
        return scrape.samples(bucketName).stream()
                .filter(s -> "/items/{id}".equals(s.labels().get("path")) && "GET".equals(s.labels().get("method")))
                .map(s -> s.labels().get("le")).toList();
    }

    private static double requests(String method, String path, String status) {
        return scrape().value("http_requests_total", "method", method, "path", path, "status", status);
    }

    private static ScrapedMetrics scrape() {
        return new ScrapedMetrics(APP.scrape());
    }
}
