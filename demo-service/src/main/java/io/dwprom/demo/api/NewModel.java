package io.dwprom.demo.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /models}. */
public record NewModel(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 200) String provider) {
}
