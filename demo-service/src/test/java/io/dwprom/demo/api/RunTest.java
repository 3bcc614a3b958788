package io.dwprom.demo.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.jackson.Jackson;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RunTest {

    private final ObjectMapper json = Jackson.newObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void aRunningRunHasNoDuration() throws Exception {
        Run run = new Run(1, 2, Run.RUNNING, Instant.parse("2026-01-01T00:00:00Z"), null);

        assertThat(run.durationSeconds()).isNull();
        assertThat(json.writeValueAsString(run)).isEqualTo("{\"id\":1,\"experimentId\":2,\"status\":\"running\","
                + "\"startedAt\":\"2026-01-01T00:00:00Z\",\"completedAt\":null,\"durationSeconds\":null}");
    }

    @Test
    void aCompletedRunLastsFromStartToCompletion() throws Exception {
        Run run = new Run(1, 2, "success", Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:01:30.250Z"));

        assertThat(run.durationSeconds()).isEqualTo(90.25);
        assertThat(json.writeValueAsString(run)).endsWith(
                "\"completedAt\":\"2026-01-01T00:01:30.250Z\",\"durationSeconds\":90.25}");
    }
}
