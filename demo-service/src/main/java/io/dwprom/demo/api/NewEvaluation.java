package io.dwprom.demo.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /evaluations}: one metric's score for one run. */
public record NewEvaluation(@NotNull Long runId, @NotBlank @Size(max = 100) String metric, @NotNull Double score) {
}
