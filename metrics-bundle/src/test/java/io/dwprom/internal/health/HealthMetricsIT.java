package io.dwprom.internal.health;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dwprom.testapp.RunningApp;
import io.dwprom.testapp.ScrapedMetrics;
import io.dwprom.testapp.TestConfiguration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health gauges of a running application: Dropwizard's {@code deadlocks} check, the JDBI check of an H2
 * database ({@code h2}) and that of a database nobody listens for ({@code down}).
 */
class HealthMetricsIT {

    @Nested
    @ExtendWith(DropwizardExtensionsSupport.class)
    class WithoutScheduledChecks {

        private static final RunningApp APP = RunningApp.create("prometheus.health.timeout", "2s");
        @RegisterExtension
        static final DropwizardAppExtension<TestConfiguration> EXTENSION = APP.extension();

        @Test
        void everyRegisteredCheckIsScrapedAndTheUnreachableDatabaseMakesTheApplicationUnhealthy() {
            ScrapedMetrics scrape = new ScrapedMetrics(APP.scrape());

            assertThat(scrape.samples(HealthMetrics.CHECK_HEALTHY)).extracting(s -> s.labels().get("check"))
                    .containsExactly("deadlocks", "down", "h2");
            assertThat(scrape.value(HealthMetrics.CHECK_HEALTHY, "check", "deadlocks")).isEqualTo(1);
            assertThat(scrape.value(HealthMetrics.CHECK_HEALTHY, "check", "h2")).isEqualTo(1);
            assertThat(scrape.value(HealthMetrics.CHECK_HEALTHY, "check", "down")).isZero();
            assertThat(scrape.value(HealthMetrics.OVERALL_HEALTHY)).isZero();
            assertThat(scrape.type(HealthMetrics.CHECK_HEALTHY)).isEqualTo("gauge");
        }
    }

    @Nested
    @ExtendWith(DropwizardExtensionsSupport.class)
    class WithDropwizardsScheduledChecks {

        private static final RunningApp APP = RunningApp.withConfig("test-app-scheduled-health.yml");
        @RegisterExtension
        static final DropwizardAppExtension<TestConfiguration> EXTENSION = APP.extension();

        @Test
        void aScheduledCheckReportsItsScheduledStateRatherThanARunOfItsOwn() {
            ScrapedMetrics scrape = new ScrapedMetrics(APP.scrape());

            assertThat(scrape.value(HealthMetrics.CHECK_HEALTHY, "check", "down"))
                    .as("scheduled, not yet run: Dropwizard's initial state").isEqualTo(1);
            assertThat(scrape.value(HealthMetrics.CHECK_HEALTHY, "check", "h2")).isEqualTo(1);
            assertThat(scrape.value(HealthMetrics.OVERALL_HEALTHY)).isEqualTo(1);
        }
    }

    @Nested
    @ExtendWith(DropwizardExtensionsSupport.class)
    class Disabled {

        private static final RunningApp APP = RunningApp.create("prometheus.health.enabled", "false");
        @RegisterExtension
        static final DropwizardAppExtension<TestConfiguration> EXTENSION = APP.extension();

        @Test
        void noHealthFamilyIsExported() {
            assertThat(APP.scrape()).doesNotContain(HealthMetrics.CHECK_HEALTHY, HealthMetrics.OVERALL_HEALTHY);
        }
    }
}
