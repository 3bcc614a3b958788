package io.dwprom.demo.api;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Duration;
import java.time.Instant;

/** A run of an experiment: {@value #RUNNING} until completed as {@code success} or {@code failed}. */
public record Run(long id, long experimentId, String status, Instant startedAt, Instant completedAt) {

    public static final String RUNNING = "running";

    /** Seconds from start to completion; absent while running. */
    @JsonProperty
    public Double durationSeconds() {
        return completedAt == null ? null : duration().toNanos() / 1e9;
    }

    public Duration duration() {
        return completedAt == null ? null : Duration.between(startedAt, completedAt);
    }
}
