package io.dwprom.demo.api;

import java.time.Instant;

/** A registered model. */
public record Model(long id, String name, String provider, Instant createdAt) {
}
