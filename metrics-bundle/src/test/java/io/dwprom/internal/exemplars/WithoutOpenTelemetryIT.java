package io.dwprom.internal.exemplars;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dwprom.testapp.RunningApp;
import io.dwprom.testapp.TestConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bundle on a class path without OpenTelemetry (the failsafe execution {@code without-opentelemetry} removes
 * opentelemetry-api and opentelemetry-context): it starts, records and serves both formats, with no exemplars.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class WithoutOpenTelemetryIT {

    private static final RunningApp APP = RunningApp.create();
    @RegisterExtension
    static final DropwizardAppExtension<TestConfiguration> EXTENSION = APP.extension();

    @Test
    void openTelemetryIsNotOnTheClassPathSoThereIsNoSampler() {
        assertThatThrownBy(() -> Class.forName("io.opentelemetry.api.trace.Span"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("io.opentelemetry.context.Context"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(Exemplars.sampler(true)).isEmpty();
    }

    @Test
    void requestsAndStatementsAreRecordedAndServedInOpenMetricsWithoutExemplars() {
        assertThat(APP.send("POST", "/db/items/1", HttpRequest.BodyPublishers.noBody()).statusCode()).isEqualTo(200);
        assertThat(APP.get("/db/items").body()).contains("item-1");
        assertThat(APP.get("/items/3").statusCode()).isEqualTo(200);
        APP.scrape(); // settles: every answered request is recorded

        String openMetrics = APP.scrape("application/openmetrics-text; version=1.0.0; charset=utf-8").body();

        assertThat(openMetrics).contains("http_request_duration_seconds_bucket{method=\"GET\",path=\"/items/{id}\"")
                .contains("db_query_duration_seconds_bucket{query_type=\"select\"")
                .doesNotContain(" # {")
                .doesNotContain("dwprom_recording_errors_total{")
                .endsWith("# EOF\n");
    }
}
