package io.dwprom.bundle;

import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.ResourceConfigurationSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dwprom.internal.core.Buckets;
import io.dwprom.internal.exposition.MappingRule;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrometheusFactoryTest {

    private final YamlConfigurationFactory<PrometheusFactory> factory = new YamlConfigurationFactory<>(
            PrometheusFactory.class, Validators.newValidator(), Jackson.newObjectMapper(), "test");

    @Test
    void anEmptySectionGivesTheDocumentedDefaults() throws Exception {
        PrometheusFactory config = load("empty.yml");

        assertThat(config.isEnabled()).isTrue();
        assertThat(config.getPath()).isEqualTo("/prometheus");
        assertThat(config.getExcludedPaths()).containsExactly("/health", "/metrics");
        assertThat(config.isJvmMetrics()).isTrue();
        assertThat(config.isJvmAllocationMetrics()).isFalse();
        assertThat(config.isExemplars()).isTrue();
        assertThat(config.isCreatedSeries()).isFalse();
        assertThat(config.getDbActiveConnectionsName()).isEqualTo("db_connections_active");
        assertThat(config.getMaxLabelSetsPerFamily()).isEqualTo(2000);
        assertThat(config.getMaxHelperFamilies()).isEqualTo(500);
        assertThat(config.getBuckets().getHttpDurationSeconds()).isEqualTo(Buckets.HTTP_DURATION_SECONDS);
        assertThat(config.getBuckets().getDbQueryDurationSeconds()).hasSize(11);
        assertThat(config.getBridge().getExcludedPrefixes()).containsExactly("jvm.");
        assertThat(config.getBridge().effectiveMappings()).isEqualTo(DefaultMappings.RULES);
        assertThat(config.getNativeHistograms().isEnabled()).isFalse();
        assertThat(config.getNativeHistograms().getInitialSchema()).isEqualTo(3);
        assertThat(config.getNativeHistograms().getMaxBuckets()).isEqualTo(160);
        assertThat(config.getNativeHistograms().getZeroThreshold()).isEqualTo(Math.pow(2, -128));
    }

    @Test
    void theNativeHistogramKeysAreReadFromYaml() throws Exception {
        NativeHistogramsFactory config = load("native-histograms.yml").getNativeHistograms();

        assertThat(config.isEnabled()).isTrue();
        assertThat(config.getInitialSchema()).isEqualTo(5);
        assertThat(config.getMaxBuckets()).isEqualTo(100);
        assertThat(config.getZeroThreshold()).isEqualTo(1e-9);
    }

    @Test
    void badNativeHistogramSettingsFailAtStartUpNamingEachKey() {
        assertThatThrownBy(() -> load("bad-native-histograms.yml"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("bad-native-histograms.yml")
                .hasMessageContaining("nativeHistograms.initialSchema must be less than or equal to 8")
                .hasMessageContaining("nativeHistograms.maxBuckets must be greater than or equal to 8")
                .hasMessageContaining("nativeHistograms.zeroThreshold must be a positive finite number");
    }

    @Test
    void everyKeyIsReadFromYaml() throws Exception {
        PrometheusFactory config = load("full.yml");

        assertThat(config.getPath()).isEqualTo("/internal/prometheus");
        assertThat(config.getExcludedPaths()).containsExactly("/health", "/internal");
        assertThat(config.isJvmMetrics()).isFalse();
        assertThat(config.isJvmAllocationMetrics()).isTrue();
        assertThat(config.isExemplars()).isFalse();
        assertThat(config.isCreatedSeries()).isTrue();
        assertThat(config.getDbActiveConnectionsName()).isEqualTo("db_connections_total");
        assertThat(config.getBuckets().getHttpDurationSeconds()).containsExactly(0.01, 0.1, 1.0);
        assertThat(config.getBuckets().getHttpSizeBytes()).isEqualTo(Buckets.HTTP_SIZE_BYTES);
        assertThat(config.getBridge().getExcludedPrefixes()).containsExactly("jvm.", "ch.qos");
        assertThat(config.getBridge().effectiveMappings().get(0)).isEqualTo(
                new MappingRule("com.example.*.requests", "example_requests_seconds", Map.of("service", "${0}")));
    }

    @Test
    void decreasingBucketsFailAtStartUpNamingTheRule() {
        assertThatThrownBy(() -> load("bad-buckets.yml"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("bad-buckets.yml")
                .hasMessageContaining("buckets.dbQueryDurationSeconds must be a non-empty list of finite positive "
                        + "numbers, strictly increasing");
    }

    @Test
    void relativePathsFailAtStartUp() {
        assertThatThrownBy(() -> load("bad-path.yml"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("path must start with '/'")
                .hasMessageContaining("excludedPaths entries must start with '/'");
    }

    @Test
    void anInvalidMappingNameFailsAtStartUpNamingTheRule() {
        assertThatThrownBy(() -> load("bad-mapping.yml"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("bad-mapping.yml")
                .hasMessageContaining("'not a name' is not a valid Prometheus metric name");
    }

    @Test
    void aUsernameWithoutAPasswordFailsAtStartUp() {
        assertThatThrownBy(() -> load("bad-access.yml"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("access.username and access.password must be set together");
    }

    @Test
    void theEndpointIsOpenUnlessCredentialsAreSet() throws Exception {
        assertThat(load("empty.yml").getAccess().build().isOpen()).isTrue();
    }

    private PrometheusFactory load(String fixture) throws Exception {
        return factory.build(new ResourceConfigurationSourceProvider(), "config/" + fixture);
    }
}
