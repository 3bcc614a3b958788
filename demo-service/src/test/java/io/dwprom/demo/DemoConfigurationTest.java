package io.dwprom.demo;

import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.jersey.validation.Validators;
import org.apache.commons.text.StringSubstitutor;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The root config.yml, loaded as {@code server config.yml} loads it, with a chosen environment. */
class DemoConfigurationTest {

    private static final String CONFIG = System.getProperty("demo.config", "../config.yml");

    private static DemoConfiguration load(Map<String, String> environment) throws Exception {
        StringSubstitutor substitutor = new StringSubstitutor(environment);
        return new YamlConfigurationFactory<>(DemoConfiguration.class, Validators.newValidator(),
                Jackson.newObjectMapper(), "dw")
                .build(new SubstitutingSourceProvider(new FileConfigurationSourceProvider(), substitutor), CONFIG);
    }

    private static HttpConnectorFactory application(DemoConfiguration config) {
        return (HttpConnectorFactory) ((DefaultServerFactory) config.getServerFactory())
                .getApplicationConnectors().get(0);
    }

    private static HttpConnectorFactory admin(DemoConfiguration config) {
        return (HttpConnectorFactory) ((DefaultServerFactory) config.getServerFactory()).getAdminConnectors().get(0);
    }

    @Test
    void byDefaultTheApiIsOn8080AndTheAdminOn8081BothOnLoopback() throws Exception {
        DemoConfiguration config = load(Map.of());

        assertThat(application(config).getPort()).isEqualTo(8080);
        assertThat(admin(config).getPort()).isEqualTo(8081);
        assertThat(application(config).getBindHost()).isEqualTo("127.0.0.1");
        assertThat(admin(config).getBindHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void byDefaultTheDatabaseIsAnEmbeddedInMemoryH2ThatSurvivesItsLastConnection() throws Exception {
        DemoConfiguration config = load(Map.of());

        assertThat(config.getDatabase().getDriverClass()).isEqualTo("org.h2.Driver");
        assertThat(config.getDatabase().getUrl()).isEqualTo("jdbc:h2:mem:demo;DB_CLOSE_DELAY=-1");
        assertThat(config.getDatasets().getStorageDir()).isEmpty();
    }

    @Test
    void thePrometheusEndpointIsAtSlashPrometheusWithHealthAndMetricsExcluded() throws Exception {
        DemoConfiguration config = load(Map.of());

        assertThat(config.getPrometheus().isEnabled()).isTrue();
        assertThat(config.getPrometheus().getPath()).isEqualTo("/prometheus");
        assertThat(config.getPrometheus().getExcludedPaths()).containsExactly("/health", "/metrics");
        assertThat(config.getPrometheus().isJvmMetrics()).isTrue();
        assertThat(config.getPrometheus().isJvmAllocationMetrics()).isFalse();
        assertThat(config.getPrometheus().getDbActiveConnectionsName()).isEqualTo("db_connections_total");
    }

    @Test
    void theDemosOwnFamiliesHaveTheSpecificationsBucketsAndStatusBound() throws Exception {
        DemoConfiguration config = load(Map.of());

        assertThat(config.getBusiness().getExperimentDurationSeconds())
                .isEqualTo(BusinessMetricsFactory.EXPERIMENT_SECONDS);
        assertThat(config.getBusiness().getDatasetUploadSizeBytes())
                .isEqualTo(BusinessMetricsFactory.DATASET_SIZE_BYTES);
        assertThat(config.getBusiness().getMaxStatusValues()).isEqualTo(50);
    }

    @Test
    void portsAndPostgresqlAreChosenByEnvironmentAlone() throws Exception {
        DemoConfiguration config = load(Map.of("DEMO_PORT", "9090", "DEMO_ADMIN_PORT", "9091",
                "DB_DRIVER", "org.postgresql.Driver", "DB_URL", "jdbc:postgresql://127.0.0.1:5432/test",
                "DB_USER", "postgres", "DATASET_DIR", "/var/lib/demo/datasets"));

        assertThat(application(config).getPort()).isEqualTo(9090);
        assertThat(admin(config).getPort()).isEqualTo(9091);
        assertThat(config.getDatabase().getDriverClass()).isEqualTo("org.postgresql.Driver");
        assertThat(config.getDatabase().getUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test");
        assertThat(config.getDatabase().getUser()).isEqualTo("postgres");
        assertThat(config.getDatabase().getPassword()).isEmpty();
        assertThat(config.getDatasets().getStorageDir()).isEqualTo("/var/lib/demo/datasets");
    }
}
