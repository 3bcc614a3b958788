package io.dwprom.demo.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.dwprom.demo.DemoApp;
import io.dwprom.testapp.ScrapedMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static io.dwprom.demo.DemoApp.json;
import static org.assertj.core.api.Assertions.assertThat;

class ExperimentsResourceTest {

    @RegisterExtension
    static final DemoApp APP = new DemoApp();

    private long createExperiment(String name) {
        HttpResponse<String> response = APP.postJson("/experiments",
                "{\"name\": \"" + name + "\", \"description\": \"a test\"}");
        assertThat(response.statusCode()).isEqualTo(201);
        return json(response).get("id").asLong();
    }

    @Test
    void creatingAnExperimentAnswers201WithItsIdAndLocationAndCountsIt() {
        double before = APP.scrape().value("experiments_created_total");

        HttpResponse<String> response = APP.postJson("/experiments",
                "{\"name\": \"prompt-ablation\", \"description\": \"drop the system prompt\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = json(response);
        long id = body.get("id").asLong();
        assertThat(body.get("name").asText()).isEqualTo("prompt-ablation");
        assertThat(body.get("description").asText()).isEqualTo("drop the system prompt");
        assertThat(body.get("createdAt").asText()).endsWith("Z");
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/experiments/" + id));
        assertThat(APP.scrape().value("experiments_created_total")).isEqualTo(before + 1);
    }

    @Test
    void anExperimentReadBackEqualsTheOneCreated() {
        HttpResponse<String> created = APP.postJson("/experiments", "{\"name\": \"read-back\"}");
        long id = json(created).get("id").asLong();

        HttpResponse<String> read = APP.get("/experiments/" + id);

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read)).isEqualTo(json(created));
        assertThat(json(read).get("description").isNull()).isTrue();
    }

    @Test
    void theListHoldsCreatedExperimentsOldestFirstUpToTheLimit() {
        long first = createExperiment("list-1");
        long second = createExperiment("list-2");

        JsonNode all = json(APP.get("/experiments?limit=1000"));
        JsonNode one = json(APP.get("/experiments?limit=1"));

        assertThat(all.findValues("id")).extracting(JsonNode::asLong).contains(first, second);
        assertThat(all.findValues("id")).extracting(JsonNode::asLong).isSorted();
        assertThat(one.size()).isEqualTo(1);
    }

    @Test
    void aLimitOutsideOneToAThousandIsABadRequest() {
        HttpResponse<String> response = APP.get("/experiments?limit=0");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("limit");
    }

    @Test
    void anAbsentExperimentIs404WithAJsonMessageNamingIt() {
        HttpResponse<String> response = APP.get("/experiments/987654");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("code").asInt()).isEqualTo(404);
        assertThat(json(response).get("message").asText()).isEqualTo("experiment 987654 not found");
    }

    @Test
    void aBlankNameIs422NamingTheFieldAndWritesNothing() {
        long rows = APP.count("experiments");
        double created = APP.scrape().value("experiments_created_total");

        HttpResponse<String> response = APP.postJson("/experiments", "{\"name\": \" \"}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("errors").toString()).contains("name");
        assertThat(APP.count("experiments")).isEqualTo(rows);
        assertThat(APP.scrape().value("experiments_created_total")).isEqualTo(created);
    }

    @Test
    void malformedJsonIsABadRequest() {
        HttpResponse<String> response = APP.postJson("/experiments", "{\"name\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("message").asText()).isNotBlank();
    }

    @Test
    void startingARunAnswers201RunningAndCountsARunningRun() {
        long experiment = createExperiment("with-a-run");
        double before = APP.scrape().value("experiment_runs_total", "status", "running");

        HttpResponse<String> response = APP.postEmpty("/experiments/" + experiment + "/runs");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode run = json(response);
        assertThat(run.get("id").asLong()).isPositive();
        assertThat(run.get("experimentId").asLong()).isEqualTo(experiment);
        assertThat(run.get("status").asText()).isEqualTo("running");
        assertThat(run.get("completedAt").isNull()).isTrue();
        assertThat(APP.scrape().value("experiment_runs_total", "status", "running")).isEqualTo(before + 1);
    }

    @Test
    void startingARunOfAnAbsentExperimentIs404AndWritesNothing() {
        long rows = APP.count("experiment_runs");
        double before = APP.scrape().value("experiment_runs_total", "status", "running");

        HttpResponse<String> response = APP.postEmpty("/experiments/987654/runs");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("message").asText()).isEqualTo("experiment 987654 not found");
        assertThat(APP.count("experiment_runs")).isEqualTo(rows);
        assertThat(APP.scrape().value("experiment_runs_total", "status", "running")).isEqualTo(before);
    }

    @Test
    void requestsAreLabelledByRouteTemplateNotByRawPath() {
        long experiment = createExperiment("labels");
        ScrapedMetrics before = APP.scrape();

        APP.get("/experiments/" + experiment);
        APP.get("/experiments/987654");

        ScrapedMetrics after = APP.scrape();
        assertThat(after.value("http_requests_total", "method", "GET", "path", "/experiments/{id}", "status", "200"))
                .isEqualTo(before.value("http_requests_total",
                        "method", "GET", "path", "/experiments/{id}", "status", "200") + 1);
        assertThat(after.value("http_requests_total", "method", "GET", "path", "/experiments/{id}", "status", "404"))
                .isEqualTo(before.value("http_requests_total",
                        "method", "GET", "path", "/experiments/{id}", "status", "404") + 1);
    }

    @Test
    void aJsonBodyTheClientAbortsMidwayIsA400NotAFiveHundred() throws Exception {
        ScrapedMetrics before = APP.scrape();

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), APP.uri("/").getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /experiments HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n1000\r\n{\"name\": \"half an experi")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(200);
        }

        double expected = before.value("http_requests_total", "method", "POST", "path", "/experiments", "status",
                "400") + 1;
        ScrapedMetrics after = APP.scrape();
        for (int attempt = 0; attempt < 100 && after.value("http_requests_total", "method", "POST", "path",
                "/experiments", "status", "400") < expected; attempt++) {
            Thread.sleep(100);
            after = APP.scrape();
        }
        assertThat(after.value("http_requests_total", "method", "POST", "path", "/experiments", "status", "400"))
                .isEqualTo(expected);
        assertThat(after.value("http_requests_total", "method", "POST", "path", "/experiments", "status", "500"))
                .isEqualTo(before.value("http_requests_total", "method", "POST", "path", "/experiments", "status",
                        "500"));
    }
}
