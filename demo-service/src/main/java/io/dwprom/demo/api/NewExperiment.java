package io.dwprom.demo.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /experiments}. */
public record NewExperiment(@NotBlank @Size(max = 200) String name, @Size(max = 2000) String description) {
}
