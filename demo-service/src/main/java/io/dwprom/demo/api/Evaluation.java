package io.dwprom.demo.api;

import java.time.Instant;

/** A recorded evaluation. */
public record Evaluation(long id, long runId, String metric, double score, Instant createdAt) {
}
