package io.dwprom.demo.api;

import java.time.Instant;

/** An uploaded dataset; its bytes are in the dataset storage, not in this representation. */
public record Dataset(long id, String name, long sizeBytes, Instant createdAt) {
}
