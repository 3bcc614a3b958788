package io.dwprom.internal.exposition;

import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BridgeSampleBuilderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "io.dropwizard.jetty.MutableServletContextHandler.active-requests, io_dropwizard_jetty_mutable_servlet_context_handler_active_requests",
            "org.eclipse.jetty.util.thread.QueuedThreadPool.dw.jobQueue, org_eclipse_jetty_util_thread_queued_thread_pool_dw_job_queue",
            "com.example.HTTPServer.2xx, com_example_http_server_2xx",
            "2fast.x, _2fast_x",
            "io.dwprom.Resource$Inner.get, io_dwprom_resource_inner_get",
            "café.crème, caf_cr_me"})
    void unmappedNamesBecomeSnakeCase(String dropwizardName, String prometheusName) {
        assertThat(BridgeSampleBuilder.snakeCase(dropwizardName)).isEqualTo(prometheusName);
    }

    @Test
    void theFirstMatchingRuleGivesNameAndLabelsAndTheBridgeAddsItsOwn() {
        BridgeSampleBuilder builder = new BridgeSampleBuilder(List.of(
                new MappingRule("jetty.*xx-responses", "jetty_responses", Map.of("code", "${0}xx")),
                new MappingRule("jetty.*", "never_reached", Map.of())));

        Sample sample = builder.createSample("jetty.4xx-responses", "_total", List.of("quantile"), List.of("0.5"), 7);

        assertThat(sample.name).isEqualTo("jetty_responses_total");
        assertThat(sample.labelNames).containsExactly("code", "quantile");
        assertThat(sample.labelValues).containsExactly("4xx", "0.5");
        assertThat(sample.value).isEqualTo(7);
    }

    @Test
    void aDoubleStarCapturesAcrossSegments() {
        BridgeSampleBuilder builder = new BridgeSampleBuilder(List.of(
                new MappingRule("**.request.filtering", "jersey_request_filtering_seconds",
                        Map.of("resource", "${0}"))));

        Sample sample = builder.createSample("com.example.Things$Api.get.request.filtering", "_count",
                List.of(), List.of(), 1);

        assertThat(sample.name).isEqualTo("jersey_request_filtering_seconds_count");
        assertThat(sample.labelValues).containsExactly("com.example.Things$Api.get");
    }

    @Test
    void aSingleStarStaysWithinOneSegment() {
        BridgeSampleBuilder builder = new BridgeSampleBuilder(List.of(
                new MappingRule("pool.*.size", "pool_size", Map.of("pool", "${0}"))));

        assertThat(builder.createSample("pool.a.b.size", "", List.of(), List.of(), 1).name).isEqualTo("pool_a_b_size");
        assertThat(builder.createSample("pool.a.size", "", List.of(), List.of(), 1).name).isEqualTo("pool_size");
    }

    @Test
    void rulesWithInvalidNamesOrLabelsAreRefusedWhenBuilt() {
        assertThatThrownBy(() -> new MappingRule("a.*", "bad name", Map.of()))
                .hasMessageContaining("'bad name' is not a valid Prometheus metric name");
        assertThatThrownBy(() -> new MappingRule("a.*", "ok", Map.of("__x", "y")))
                .hasMessageContaining("'__x' is not a valid label name");
        assertThatThrownBy(() -> new MappingRule(" ", "ok", Map.of()))
                .hasMessageContaining("non-empty 'match'");
    }

    @Test
    void aRuleWithManyWildcardsMatchesANameThatAlmostMatchesWithoutBacktracking() {
        // As a regular expression, each extra wildcard multiplied the work on such a name: this took hours.
        BridgeSampleBuilder builder = new BridgeSampleBuilder(List.of(
                new MappingRule("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a.**.**.**.**.**.x", "never", Map.of())));
        String name = "a".repeat(60) + "." + "b.".repeat(40) + "y";

        assertThat(builder.createSample(name, "", List.of(), List.of(), 1).name).isEqualTo(BridgeSampleBuilder.snakeCase(name));
    }

    @Test
    void wildcardsCaptureTheLongestRunsThatStillMatchAsAGreedyPatternWould() {
        BridgeSampleBuilder builder = new BridgeSampleBuilder(List.of(
                new MappingRule("**.*.*-*", "m", Map.of("a", "${0}", "b", "${1}", "c", "${2}", "d", "${3}"))));

        Sample sample = builder.createSample("x.y.z.p-q.r-s-t", "", List.of(), List.of(), 1);

        Map<String, String> labels = new HashMap<>();
        for (int i = 0; i < sample.labelNames.size(); i++) {
            labels.put(sample.labelNames.get(i), sample.labelValues.get(i));
        }
        assertThat(labels).isEqualTo(Map.of("a", "x.y.z", "b", "p-q", "c", "r-s", "d", "t"));
    }

    @Test
    void rulesMayNotTakeTheQuantileLabelTheBridgeAddsItself() {
        assertThatThrownBy(() -> new MappingRule("timer.*", "t_seconds", Map.of("quantile", "${0}")))
                .hasMessageContaining("'quantile' is the bridge's own label");
    }
}
