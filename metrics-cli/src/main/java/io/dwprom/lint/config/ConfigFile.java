package io.dwprom.lint.config;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * A config file as written, bound by Jackson: every key optional, values as the user wrote them. {@link ConfigLoader}
 * checks it and builds the {@link LintConfig}.
 */
record ConfigFile(
        @JsonProperty("failOn") String failOn,
        @JsonProperty("limits") LimitsSection limits,
        @JsonProperty("severities") Map<String, String> severities,
        @JsonProperty("suppressions") List<SuppressionEntry> suppressions) {

    /** The {@code limits} mapping. */
    record LimitsSection(@JsonProperty("familySeries") Long familySeries, @JsonProperty("totalSeries") Long totalSeries) {
    }

    /** One entry of the {@code suppressions} list. */
    record SuppressionEntry(@JsonProperty("family") String family, @JsonProperty("rule") String rule,
                            @JsonProperty("reason") String reason) {
    }
}
