package io.dwprom.demo.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The body of {@code POST /runs/{id}/complete}. */
public record RunCompletion(
        @NotNull @Pattern(regexp = "success|failed", message = "must be \"success\" or \"failed\"") String status) {
}
