package io.dwprom.demo.api;

import java.time.Instant;

/** An experiment as stored. */
public record Experiment(long id, String name, String description, Instant createdAt) {
}
