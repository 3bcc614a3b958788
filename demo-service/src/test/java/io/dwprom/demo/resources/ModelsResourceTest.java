package io.dwprom.demo.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.dwprom.demo.DemoApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;

import static io.dwprom.demo.DemoApp.json;
import static org.assertj.core.api.Assertions.assertThat;

class ModelsResourceTest {

    @RegisterExtension
    static final DemoApp APP = new DemoApp();

    @Test
    void registeringAModelAnswers201AndCountsIt() {
        double before = APP.scrape().value("models_registered_total");

        HttpResponse<String> response = APP.postJson("/models", "{\"name\": \"llama-3-8b\", \"provider\": \"meta\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode model = json(response);
        assertThat(model.get("id").asLong()).isPositive();
        assertThat(model.get("name").asText()).isEqualTo("llama-3-8b");
        assertThat(model.get("provider").asText()).isEqualTo("meta");
        assertThat(APP.scrape().value("models_registered_total")).isEqualTo(before + 1);
    }

    @Test
    void aModelWithoutProviderIs422NamingTheFieldAndIsNotRegistered() {
        long rows = APP.count("models");
        double before = APP.scrape().value("models_registered_total");

        HttpResponse<String> response = APP.postJson("/models", "{\"name\": \"orphan\"}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("errors").toString()).contains("provider");
        assertThat(APP.count("models")).isEqualTo(rows);
        assertThat(APP.scrape().value("models_registered_total")).isEqualTo(before);
    }

    @Test
    void aModelSentAsTextIsUnsupportedMediaType() {
        HttpResponse<String> response = APP.postBytes("/models", "text/plain",
                java.net.http.HttpRequest.BodyPublishers.ofString("llama"));

        assertThat(response.statusCode()).isEqualTo(415);
    }
}
