package io.dwprom.bundle;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dwprom.testapp.RunningApp;
import io.dwprom.testapp.ScrapedMetrics;
import io.dwprom.testapp.TestConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** No global state: two applications with the bundle run in one JVM, each with its own metrics. */
@ExtendWith(DropwizardExtensionsSupport.class)
class TwoApplicationsIT {

    private static final RunningApp FIRST = RunningApp.create();
    private static final RunningApp SECOND = RunningApp.create();
    @RegisterExtension
    static final DropwizardAppExtension<TestConfiguration> FIRST_EXTENSION = FIRST.extension();
    @RegisterExtension
    static final DropwizardAppExtension<TestConfiguration> SECOND_EXTENSION = SECOND.extension();

    @Test
    void eachApplicationCountsOnlyItsOwnRequests() {
        FIRST.get("/items/1");
        FIRST.get("/items/2");
        SECOND.get("/items/1");

        assertThat(itemRequests(FIRST)).isEqualTo(2);
        assertThat(itemRequests(SECOND)).isEqualTo(1);
    }

    private static double itemRequests(RunningApp app) {
        return new ScrapedMetrics(app.scrape())
                .value("http_requests_total", "method", "GET", "path", "/items/{id}", "status", "200");
    }
}
