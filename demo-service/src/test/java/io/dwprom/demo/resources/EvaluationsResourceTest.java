package io.dwprom.demo.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.dwprom.demo.DemoApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;

import static io.dwprom.demo.DemoApp.json;
import static org.assertj.core.api.Assertions.assertThat;

class EvaluationsResourceTest {

    @RegisterExtension
    static final DemoApp APP = new DemoApp();

    private long startRun() {
        long experiment = json(APP.postJson("/experiments", "{\"name\": \"evaluated\"}")).get("id").asLong();
        return json(APP.postEmpty("/experiments/" + experiment + "/runs")).get("id").asLong();
    }

    @Test
    void recordingAnEvaluationOfARunAnswers201AndCountsIt() {
        long run = startRun();
        double before = APP.scrape().value("evaluations_processed_total");

        HttpResponse<String> response = APP.postJson("/evaluations",
                "{\"runId\": " + run + ", \"metric\": \"exact_match\", \"score\": 0.82}");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode evaluation = json(response);
        assertThat(evaluation.get("id").asLong()).isPositive();
        assertThat(evaluation.get("runId").asLong()).isEqualTo(run);
        assertThat(evaluation.get("metric").asText()).isEqualTo("exact_match");
        assertThat(evaluation.get("score").asDouble()).isEqualTo(0.82);
        assertThat(APP.scrape().value("evaluations_processed_total")).isEqualTo(before + 1);
    }

    @Test
    void anEvaluationOfAnAbsentRunIs422NamingTheRunAndWritesNothing() {
        long rows = APP.count("evaluations");
        double before = APP.scrape().value("evaluations_processed_total");

        HttpResponse<String> response = APP.postJson("/evaluations",
                "{\"runId\": 987654, \"metric\": \"bleu\", \"score\": 0.5}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("message").asText()).isEqualTo("runId 987654 is not a run");
        assertThat(APP.count("evaluations")).isEqualTo(rows);
        assertThat(APP.scrape().value("evaluations_processed_total")).isEqualTo(before);
    }

    @Test
    void anEvaluationWithoutScoreIs422NamingTheField() {
        long run = startRun();

        HttpResponse<String> response = APP.postJson("/evaluations", "{\"runId\": " + run + ", \"metric\": \"bleu\"}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("errors").toString()).contains("score");
    }

    @Test
    void aScoreThatIsNotANumberIsABadRequest() {
        long run = startRun();

        HttpResponse<String> response = APP.postJson("/evaluations",
                "{\"runId\": " + run + ", \"metric\": \"bleu\", \"score\": \"high\"}");

        assertThat(response.statusCode()).isEqualTo(400);
    }
}
