package io.dwprom.churn;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * One series: its sample (metric) name and its labels without {@code __name__}.
 *
 * @param name   the sample name, e.g. {@code http_request_duration_seconds_bucket}
 * @param labels label name to value, sorted by name, unmodifiable
 */
public record Series(String name, Map<String, String> labels) {
    /** The value of {@code label}, or "" when the series does not have it (as PromQL treats a missing label). */
    public String value(String label) {
        return labels.getOrDefault(label, "");
    }

    /** {@code name{a="b",...}} for messages. */
    @Override
    public String toString() {
        return labels.isEmpty() ? name : labels.entrySet().stream()
                .map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
                .collect(Collectors.joining(",", name + "{", "}"));
    }
}
