package io.dwprom.internal.http;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dwprom.testapp.RunningApp;
import io.dwprom.testapp.ScrapedMetrics;
import io.dwprom.testapp.TestConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request the application connector answers is counted once, whoever answered it: Jersey, the assets servlet,
 * a plain servlet, Dropwizard's allowed-methods filter or an application filter; the admin connector's requests
 * never are.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class EveryRequestIT {

    private static final RunningApp APP = RunningApp.create();
    @RegisterExtension
    static final DropwizardAppExtension<TestConfiguration> EXTENSION = APP.extension();

    /** One request, the status it must get and the series it must add exactly one to. */
    private record Expected(String method, String path, int status, String labelMethod, String labelPath) {
    }

    private static final List<Expected> REQUESTS = List.of(
            new Expected("GET", "/assets/hello.txt", 200, "GET", "/assets/*"),
            new Expected("GET", "/assets/missing.txt", 404, "GET", "/assets/*"),
            new Expected("POST", "/assets/hello.txt", 405, "POST", "/assets/*"),
            new Expected("GET", "/plain/anything", 200, "GET", "/plain/*"),
            new Expected("TRACE", "/", 405, "TRACE", HttpLabels.UNMATCHED),
            new Expected("BREW", "/items/1", 405, HttpLabels.OTHER_METHOD, HttpLabels.UNMATCHED),
            new Expected("GET", "/secret/key", 401, "GET", HttpLabels.UNMATCHED),
            new Expected("GET", "/items/5", 200, "GET", "/items/{id}"),
            new Expected("GET", "/no-such-route", 404, "GET", HttpLabels.NOT_FOUND),
            new Expected("GET", "/async", 200, "GET", "/async"));

    @Test
    void eachRequestAddsOneToTheSeriesOfWhatAnsweredItAndNothingIsCountedTwice() {
        ScrapedMetrics before = scrape();
        List<String> answers = new ArrayList<>();
        for (Expected request : REQUESTS) {
            HttpResponse<String> response = APP.send(request.method(), request.path(),
                    HttpRequest.BodyPublishers.noBody());
            answers.add(request.method() + " " + request.path() + " " + response.statusCode());
        }

        assertThat(answers).containsExactlyElementsOf(REQUESTS.stream()
                .map(r -> r.method() + " " + r.path() + " " + r.status()).toList());
        ScrapedMetrics after = scrape();
        for (Expected request : REQUESTS) {
            assertThat(increase(before, after, request))
                    .as("%s %s", request.method(), request.path()).isEqualTo(1);
        }
        assertThat(after.sum("http_requests_total") - before.sum("http_requests_total")).isEqualTo(REQUESTS.size());
        assertThat(after.value("http_requests_in_flight")).isEqualTo(0);
    }

    @Test
    void anAsynchronousResponseIsCountedOnceWithItsBodyAndLeavesNothingInFlight() {
        ScrapedMetrics before = scrape();
        for (int i = 0; i < 3; i++) {
            assertThat(APP.get("/async").body()).isEqualTo("resumed");
        }

        ScrapedMetrics after = scrape();
        assertThat(after.value("http_requests_total", "method", "GET", "path", "/async", "status", "200")
                - before.value("http_requests_total", "method", "GET", "path", "/async", "status", "200"))
                .isEqualTo(3);
        assertThat(after.value("http_response_size_bytes_sum", "method", "GET", "path", "/async")
                - before.value("http_response_size_bytes_sum", "method", "GET", "path", "/async"))
                .isEqualTo(3 * "resumed".length());
        assertThat(after.value("http_requests_in_flight")).isEqualTo(0);
    }

    @Test
    void servletResponsesCountTheirBodies() {
        ScrapedMetrics before = scrape();
        assertThat(APP.get("/assets/hello.txt").body()).isEqualTo("hello from an asset\n");
        assertThat(APP.get("/plain/x").body()).isEqualTo("plain");

        ScrapedMetrics after = scrape();
        assertThat(after.value("http_response_size_bytes_sum", "method", "GET", "path", "/assets/*")
                - before.value("http_response_size_bytes_sum", "method", "GET", "path", "/assets/*"))
                .isEqualTo("hello from an asset\n".length());
        assertThat(after.value("http_response_size_bytes_sum", "method", "GET", "path", "/plain/*")
                - before.value("http_response_size_bytes_sum", "method", "GET", "path", "/plain/*"))
                .isEqualTo("plain".length());
    }

    @Test
    void requestsToTheAdminConnectorAreNotCounted() {
        double before = scrape().sum("http_requests_total");
        for (String path : List.of("/ping", "/healthcheck", "/metrics", "/no-such-admin-page")) {
            APP.send(HttpRequest.newBuilder(APP.adminUri(path)).GET());
        }

        assertThat(scrape().sum("http_requests_total")).isEqualTo(before);
    }

    private static double increase(ScrapedMetrics before, ScrapedMetrics after, Expected request) {
        String[] labels = {"method", request.labelMethod(), "path", request.labelPath(),
                "status", Integer.toString(request.status())};
        return after.value("http_requests_total", labels) - before.value("http_requests_total", labels);
    }

    private static ScrapedMetrics scrape() {
        return new ScrapedMetrics(APP.scrape());
    }
}
