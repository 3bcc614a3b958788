package io.dwprom.hardening;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dwprom.testapp.RunningApp;
import io.dwprom.testapp.ScrapedMetrics;
import io.dwprom.testapp.TestConfiguration;
import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A collector that throws while rendering: requests carry on, the scrape fails cleanly, and then recovers. */
@ExtendWith(DropwizardExtensionsSupport.class)
class FaultsIT {

    private static final RunningApp APP = RunningApp.create();
    @RegisterExtension
    static final DropwizardAppExtension<TestConfiguration> EXTENSION = APP.extension();

    @Test
    void aFailingCollectorFailsTheScrapeCleanlyNotTheRequestsAndTheNextScrapeRecovers() {
        CollectorRegistry registry = APP.application().prometheus().metrics().registry();
        Collector broken = new Collector() {
            @Override
            public List<MetricFamilySamples> collect() {
                throw new IllegalStateException("a broken collector");
            }
        }.register(registry);

        HttpResponse<String> failedScrape = APP.scrape(null);
        for (int i = 0; i < 20; i++) {
            assertThat(APP.get("/items/" + i).statusCode()).isEqualTo(200);
        }
        registry.unregister(broken);
        HttpResponse<String> recovered = APP.scrape(null);

        assertThat(failedScrape.statusCode()).isEqualTo(500);
        assertThat(failedScrape.body()).contains("Rendering the metrics failed").contains("a broken collector");
        assertThat(recovered.statusCode()).isEqualTo(200);
        ScrapedMetrics scrape = new ScrapedMetrics(APP.scrape());
        assertThat(scrape.value("dwprom_scrape_errors_total")).isEqualTo(1);
        assertThat(scrape.value("http_requests_total", "method", "GET", "path", "/items/{id}", "status", "200"))
                .isEqualTo(20);
    }
}
