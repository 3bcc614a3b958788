package io.dwprom.demo.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.dwprom.demo.DemoApp;
import io.dwprom.testapp.ScrapedMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static io.dwprom.demo.DemoApp.json;
import static org.assertj.core.api.Assertions.assertThat;

class RunsResourceTest {

    @RegisterExtension
    static final DemoApp APP = new DemoApp();

    private long startRun() {
        long experiment = json(APP.postJson("/experiments", "{\"name\": \"runs\"}")).get("id").asLong();
        HttpResponse<String> run = APP.postEmpty("/experiments/" + experiment + "/runs");
        assertThat(run.statusCode()).isEqualTo(201);
        return json(run).get("id").asLong();
    }

    private static String storedStatus(long run) {
        return APP.database().withHandle(h -> h.createQuery("SELECT status FROM experiment_runs WHERE id = :id")
                .bind("id", run).mapTo(String.class).one());
    }

    @ParameterizedTest
    @ValueSource(strings = {"success", "failed"})
    void completingARunAnswers200AndCountsTheRunTheCompletionAndItsDuration(String status) {
        long run = startRun();
        ScrapedMetrics before = APP.scrape();

        HttpResponse<String> response = APP.postJson("/runs/" + run + "/complete",
                "{\"status\": \"" + status + "\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("status").asText()).isEqualTo(status);
        Instant started = Instant.parse(body.get("startedAt").asText());
        Instant completed = Instant.parse(body.get("completedAt").asText());
        double seconds = body.get("durationSeconds").asDouble();
        assertThat(seconds).isEqualTo(Duration.between(started, completed).toNanos() / 1e9).isNotNegative();

        ScrapedMetrics after = APP.scrape();
        assertThat(after.value("experiment_runs_total", "status", status))
                .isEqualTo(before.value("experiment_runs_total", "status", status) + 1);
        assertThat(after.value("experiments_completed_total", "status", status))
                .isEqualTo(before.value("experiments_completed_total", "status", status) + 1);
        assertThat(after.value("experiment_duration_seconds_count"))
                .isEqualTo(before.value("experiment_duration_seconds_count") + 1);
        assertThat(after.value("experiment_duration_seconds_sum") - before.value("experiment_duration_seconds_sum"))
                .isCloseTo(seconds, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void aRunCompletesOnlyOnceTheSecondAttemptIs409AndCountsNothing() {
        long run = startRun();
        APP.postJson("/runs/" + run + "/complete", "{\"status\": \"success\"}");
        ScrapedMetrics before = APP.scrape();

        HttpResponse<String> again = APP.postJson("/runs/" + run + "/complete", "{\"status\": \"failed\"}");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("message").asText()).isEqualTo("run " + run + " is already completed as success");
        assertThat(APP.scrape().value("experiments_completed_total", "status", "failed"))
                .isEqualTo(before.value("experiments_completed_total", "status", "failed"));
        assertThat(storedStatus(run)).isEqualTo("success");
    }

    @Test
    void anUnknownStatusIs422NamingTheAllowedOnesAndLeavesTheRunRunning() {
        long run = startRun();

        HttpResponse<String> response = APP.postJson("/runs/" + run + "/complete", "{\"status\": \"done\"}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("errors").get(0).asText()).isEqualTo("status must be \"success\" or \"failed\"");
        assertThat(storedStatus(run)).isEqualTo("running");
    }

    @Test
    void aMissingBodyIs422() {
        long run = startRun();

        HttpResponse<String> response = APP.postJson("/runs/" + run + "/complete", "");

        assertThat(response.statusCode()).isEqualTo(422);
    }

    @Test
    void completingAnAbsentRunIs404() {
        HttpResponse<String> response = APP.postJson("/runs/987654/complete", "{\"status\": \"success\"}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("message").asText()).isEqualTo("run 987654 not found");
    }
}
