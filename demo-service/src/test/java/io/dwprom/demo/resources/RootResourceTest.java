package io.dwprom.demo.resources;

import io.dwprom.demo.DemoApp;
import io.dwprom.testapp.ScrapedMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static io.dwprom.demo.DemoApp.json;
import static org.assertj.core.api.Assertions.assertThat;

class RootResourceTest {

    @RegisterExtension
    static final DemoApp APP = new DemoApp();

    @Test
    void theRootGreetsWithTheServiceNameAndTheBuildVersion() {
        HttpResponse<String> response = APP.get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json(response).get("service").asText()).isEqualTo("llm-research-api");
        assertThat(json(response).get("version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void anUnknownPathIs404AndCountedUnderTheFixedNotFoundRoute() {
        ScrapedMetrics before = APP.scrape();

        HttpResponse<String> response = APP.get("/no/such/thing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("code").asInt()).isEqualTo(404);
        assertThat(APP.scrape().value("http_requests_total", "method", "GET", "path", "NOT_FOUND", "status", "404"))
                .isEqualTo(before.value("http_requests_total", "method", "GET", "path", "NOT_FOUND", "status", "404")
                        + 1);
    }

    @Test
    void theRootIsCountedUnderItsOwnRoute() {
        ScrapedMetrics before = APP.scrape();

        APP.get("/");

        assertThat(APP.scrape().value("http_requests_total", "method", "GET", "path", "/", "status", "200"))
                .isEqualTo(before.value("http_requests_total", "method", "GET", "path", "/", "status", "200") + 1);
    }

    @Test
    void theAdminHealthCheckCoversTheDatabaseAndIsHealthy() {
        HttpResponse<String> response = APP.send(HttpRequest.newBuilder(APP.adminUri("/healthcheck")).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("database").get("healthy").asBoolean()).isTrue();
    }
}
