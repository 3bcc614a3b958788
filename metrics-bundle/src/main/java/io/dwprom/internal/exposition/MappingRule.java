package io.dwprom.internal.exposition;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Maps dotted Dropwizard metric names to a Prometheus name and labels. In {@code match}, {@code *} stands for any
 * run of characters within one dotted segment, also as part of a segment ({@code *xx-responses}), and {@code **}
 * for any run of characters across segments (a class name); in {@code name} and label values, {@code ${0}},
 * {@code ${1}}... are replaced by what the first, second... wildcard matched. The resulting name is then put in
 * snake_case.
 *
 * <pre>
 * - match: "io.dropwizard.jetty.MutableServletContextHandler.*xx-responses"
 *   name: "jetty_responses"
 *   labels: { code: "${0}xx" }
 * </pre>
 */
public final class MappingRule {

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*|.*\\$\\{\\d+}.*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    /** The label simpleclient's Dropwizard exports add to the samples of histograms and timers. */
    private static final String BRIDGE_LABEL = "quantile";

    private final String match;
    private final String name;
    private final Map<String, String> labels;
    private final WildcardPattern pattern;

    @JsonCreator
    public MappingRule(@JsonProperty("match") String match, @JsonProperty("name") String name,
                       @JsonProperty("labels") Map<String, String> labels) {
        this.match = requireText(match, "match");
        this.name = requireText(name, "name");
        this.labels = labels == null ? Map.of() : new LinkedHashMap<>(labels);
        if (!METRIC_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Mapping rule for '" + match + "': '" + name
                    + "' is not a valid Prometheus metric name");
        }
        this.labels.keySet().stream().filter(label -> !LABEL_NAME.matcher(label).matches() || label.startsWith("__"))
                .findFirst().ifPresent(label -> {
                    throw new IllegalArgumentException("Mapping rule for '" + match + "': '" + label
                            + "' is not a valid label name");
                });
        if (this.labels.containsKey(BRIDGE_LABEL)) {
            throw new IllegalArgumentException("Mapping rule for '" + match + "': '" + BRIDGE_LABEL
                    + "' is the bridge's own label of histogram and timer quantiles; choose another name");
        }
        this.pattern = new WildcardPattern(this.match);
    }

    @JsonProperty
    public String getMatch() {
        return match;
    }

    @JsonProperty
    public String getName() {
        return name;
    }

    @JsonProperty
    public Map<String, String> getLabels() {
        return Map.copyOf(labels);
    }

    /** The mapped name and labels, or null when {@code dropwizardName} does not match. */
    MappedName apply(String dropwizardName) {
        List<String> captures = pattern.match(dropwizardName);
        if (captures == null) {
            return null;
        }
        Map<String, String> labelValues = new LinkedHashMap<>();
        labels.forEach((label, template) -> labelValues.put(label, substitute(template, captures)));
        return new MappedName(substitute(name, captures), labelValues);
    }

    private static String substitute(String template, List<String> captures) {
        String result = template;
        for (int i = captures.size() - 1; i >= 0; i--) {
            result = result.replace("${" + i + "}", captures.get(i));
        }
        return result;
    }

    private static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A mapping rule needs a non-empty '" + field + "'");
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MappingRule that && match.equals(that.match) && name.equals(that.name)
                && labels.equals(that.labels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(match, name, labels);
    }

    @Override
    public String toString() {
        return "MappingRule{match=" + match + ", name=" + name + ", labels=" + labels + "}";
    }
}
