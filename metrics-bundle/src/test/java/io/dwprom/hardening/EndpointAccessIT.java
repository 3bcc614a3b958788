package io.dwprom.hardening;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dwprom.testapp.RunningApp;
import io.dwprom.testapp.TestConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The endpoint protected by a bearer token and basic auth, set in the configuration. */
@ExtendWith(DropwizardExtensionsSupport.class)
class EndpointAccessIT {

    private static final RunningApp APP = RunningApp.create(
            "prometheus.access.bearerToken", "s3cret-token",
            "prometheus.access.username", "prometheus",
            "prometheus.access.password", "pa55word");
    @RegisterExtension
    static final DropwizardAppExtension<TestConfiguration> EXTENSION = APP.extension();

    @Test
    void aScrapeWithoutCredentialsIsRefusedWithAChallenge() {
        HttpResponse<String> response = scrape(null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"prometheus\"");
        assertThat(response.body()).doesNotContain("http_requests");
    }

    @Test
    void theBearerTokenOrTheBasicCredentialsLetAScraperIn() {
        assertThat(scrape("Bearer s3cret-token").statusCode()).isEqualTo(200);
        assertThat(scrape(basic("prometheus", "pa55word")).statusCode()).isEqualTo(200);
        assertThat(scrape(basic("prometheus", "pa55word")).body()).contains("# TYPE process_cpu_seconds_total");
    }

    @Test
    void wrongCredentialsAreRefused() {
        assertThat(scrape("Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(scrape(basic("prometheus", "wrong")).statusCode()).isEqualTo(401);
        assertThat(scrape("Bearer s3cret-token-and-more").statusCode()).isEqualTo(401);
    }

    @Test
    void theApplicationItselfNeedsNoCredentials() {
        assertThat(APP.get("/items/1").statusCode()).isEqualTo(200);
    }

    @Test
    void dropwizardsOwnAdminEndpointsAreNotCoveredByTheEndpointsCredentials() {
        // As docs/deploying.md states: access guards the Prometheus endpoint, the admin port's other endpoints
        // are as open as the port itself.
        assertThat(APP.send(HttpRequest.newBuilder(APP.adminUri("/metrics")).GET()).statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> scrape(String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(APP.adminUri("/prometheus")).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return APP.send(request);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
