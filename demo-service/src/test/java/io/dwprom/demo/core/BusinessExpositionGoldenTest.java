package io.dwprom.demo.core;

import com.codahale.metrics.MetricRegistry;
import io.dwprom.demo.BusinessMetricsFactory;
import io.dwprom.registry.RegistryFamilies;
import io.dwprom.testapp.Golden;
import io.prometheus.client.CollectorRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessExpositionGoldenTest {

    private final MetricRegistry dropwizard = new MetricRegistry();
    private final CollectorRegistry registry = new CollectorRegistry();
    private final RegistryFamilies families = new RegistryFamilies(registry, dropwizard);
    private final BusinessMetrics business = new BusinessMetrics(families, BusinessMetricsFactory.EXPERIMENT_SECONDS,
            BusinessMetricsFactory.DATASET_SIZE_BYTES, 3);

    @Test
    void theBusinessFamiliesRenderExactlyAsPinned() {
        business.experimentCreated();
        business.experimentCreated();
        business.experimentRun("running");
        business.experimentRun("success");
        business.experimentCompleted("success");
        business.experimentCompleted("failed");
        business.experimentDuration(Duration.ofSeconds(120));
        business.experimentDuration(Duration.ofMillis(500));
        business.modelRegistered();
        business.datasetUploaded(1_000_000);
        business.evaluationProcessed();

        Golden.assertExpositionMatches(registry, "business.txt");
    }

    @Test
    void theSameCountsAreInDropwizardsRegistry() {
        business.experimentCreated();
        business.experimentCompleted("success");
        business.experimentDuration(Duration.ofSeconds(3));

        assertThat(dropwizard.meter("business.experiments.created").getCount()).isEqualTo(1);
        assertThat(dropwizard.meter("business.experiments.completed.success").getCount()).isEqualTo(1);
        assertThat(dropwizard.timer("business.experiments.duration").getSnapshot().getMax())
                .isEqualTo(Duration.ofSeconds(3).toNanos());
        assertThat(families.owns("business.experiments.completed.success")).isTrue();
    }

    @Test
    void statusValuesPastTheLimitFoldIntoOther() {
        for (String status : new String[]{"a", "b", "c", "d", "e"}) {
            business.experimentCompleted(status);
        }
        business.experimentCompleted("a");

        assertThat(dropwizard.getMeters().keySet()).filteredOn(name -> name.startsWith("business.experiments.completed"))
                .containsExactlyInAnyOrder("business.experiments.completed.a", "business.experiments.completed.b",
                        "business.experiments.completed.c", "business.experiments.completed.other");
        assertThat(dropwizard.meter("business.experiments.completed.other").getCount()).isEqualTo(2);
        assertThat(dropwizard.meter("business.experiments.completed.a").getCount()).isEqualTo(2);
    }
}
