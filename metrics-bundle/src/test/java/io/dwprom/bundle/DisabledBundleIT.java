package io.dwprom.bundle;

import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dwprom.testapp.RunningApp;
import io.dwprom.testapp.TestConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code enabled: false} installs nothing, and the application works as before. */
@ExtendWith(DropwizardExtensionsSupport.class)
class DisabledBundleIT {

    private static final RunningApp APP = RunningApp.create("prometheus.enabled", "false");
    @RegisterExtension
    static final DropwizardAppExtension<TestConfiguration> EXTENSION = APP.extension();

    @Test
    void thereIsNoEndpointOnTheAdminPort() {
        assertThat(APP.scrape(null).statusCode()).isEqualTo(404);
        assertThat(APP.send(HttpRequest.newBuilder(APP.adminUri("/metrics")).GET()).statusCode()).isEqualTo(200);
    }

    @Test
    void resourcesUsingTheRecordersAndTheDatabaseStillWork() {
        assertThat(APP.send("POST", "/jobs/ok", HttpRequest.BodyPublishers.noBody()).body()).isEqualTo("recorded");
        assertThat(APP.send("POST", "/db/items/1", HttpRequest.BodyPublishers.noBody()).statusCode()).isEqualTo(200);
        assertThat(APP.get("/db/items").body()).contains("item-1");
        assertThat(APP.get("/items/3").statusCode()).isEqualTo(200);
    }

    @Test
    void nothingIsRecordedAnywhereAScraperCouldSee() {
        APP.get("/items/3");
        APP.send("POST", "/jobs/ok", HttpRequest.BodyPublishers.noBody());

        assertThat(EXTENSION.getEnvironment().metrics().getNames()).noneMatch(name -> name.startsWith("testapp."));
        assertThat(APP.application().prometheus().metrics().registry().getSampleValue("http_requests_total",
                new String[]{"method", "path", "status"}, new String[]{"GET", "/items/{id}", "200"})).isNull();
    }

    @Test
    void theDataSourceFactoryIsReturnedAsItIs() {
        DataSourceFactory database = EXTENSION.getConfiguration().getDatabase();

        assertThat(APP.application().prometheus().dataSourceFactory(database)).isSameAs(database);
    }
}
