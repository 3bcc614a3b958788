package io.dwprom.bundle;

import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.ResourceConfigurationSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.util.Duration;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code prometheus.health} and {@code prometheus.push} keys, from YAML fixtures. */
class HealthAndPushConfigurationTest {

    private final YamlConfigurationFactory<PrometheusFactory> factory = new YamlConfigurationFactory<>(
            PrometheusFactory.class, Validators.newValidator(), Jackson.newObjectMapper(), "test");

    @Test
    void anEmptySectionExportsHealthWithTheDocumentedBoundsAndPushesNothing() throws Exception {
        PrometheusFactory config = load("empty.yml");

        assertThat(config.getHealth().isEnabled()).isTrue();
        assertThat(config.getHealth().getTimeout()).isEqualTo(Duration.seconds(3));
        assertThat(config.getHealth().getCacheFor()).isEqualTo(Duration.seconds(10));
        assertThat(config.getPush().isEnabled()).isFalse();
        assertThat(config.getPush().getUrl()).isEqualTo("http://127.0.0.1:9091");
        assertThat(config.getPush().getJob()).isEmpty();
        assertThat(config.getPush().getGroupingKey()).isEmpty();
    }

    @Test
    void everyHealthAndPushKeyIsReadFromYaml() throws Exception {
        PrometheusFactory config = load("health-push.yml");

        assertThat(config.getHealth().getTimeout()).isEqualTo(Duration.milliseconds(500));
        assertThat(config.getHealth().getCacheFor()).isEqualTo(Duration.seconds(0));
        assertThat(config.getPush().isEnabled()).isTrue();
        assertThat(config.getPush().getUrl()).isEqualTo("http://127.0.0.1:19091");
        assertThat(config.getPush().getJob()).isEqualTo("nightly-import");
        assertThat(config.getPush().getGroupingKey()).isEqualTo(Map.of("instance", "batch-1", "shard", "2"));
    }

    @Test
    void aGroupingKeyNamedJobFailsAtStartUp() {
        assertThatThrownBy(() -> load("bad-push.yml"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("bad-push.yml")
                .hasMessageContaining("groupingKey names must be label names");
    }

    @Test
    void aZeroHealthTimeoutFailsAtStartUp() {
        assertThatThrownBy(() -> load("bad-health.yml"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("health.timeout");
    }

    private PrometheusFactory load(String fixture) throws Exception {
        return factory.build(new ResourceConfigurationSourceProvider(), "config/" + fixture);
    }
}
