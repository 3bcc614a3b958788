package io.dwprom.bundle;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dwprom.internal.exposition.MappingRule;
import jakarta.validation.constraints.NotNull;

import java.util.ArrayList;
import java.util.List;

/**
 * How the rest of Dropwizard's {@code MetricRegistry} (Jetty, Jersey {@code @Timed} resources, logback, the
 * connection pools) is exported.
 *
 * <table>
 * <caption>Keys under {@code prometheus.bridge}</caption>
 * <tr><th>key</th><th>default</th><th>description</th></tr>
 * <tr><td>enabled</td><td>true</td><td>export the registry at all</td></tr>
 * <tr><td>excludedPrefixes</td><td>[jvm.]</td><td>dotted name prefixes left out ({@code jvm.} duplicates the
 * hotspot families)</td></tr>
 * <tr><td>mappings</td><td>[]</td><td>rules tried before the built-in ones; first match wins</td></tr>
 * <tr><td>defaultMappings</td><td>true</td><td>append the built-in rules for Dropwizard's own metrics</td></tr>
 * </table>
 */
public class BridgeFactory {

    private boolean enabled = true;
    @NotNull
    private List<String> excludedPrefixes = List.of("jvm.");
    @NotNull
    private List<MappingRule> mappings = List.of();
    private boolean defaultMappings = true;

    @JsonProperty
    public boolean isEnabled() {
        return enabled;
    }

    @JsonProperty
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @JsonProperty
    public List<String> getExcludedPrefixes() {
        return excludedPrefixes;
    }

    @JsonProperty
    public void setExcludedPrefixes(List<String> excludedPrefixes) {
        this.excludedPrefixes = excludedPrefixes;
    }

    @JsonProperty
    public List<MappingRule> getMappings() {
        return mappings;
    }

    @JsonProperty
    public void setMappings(List<MappingRule> mappings) {
        this.mappings = mappings;
    }

    @JsonProperty
    public boolean isDefaultMappings() {
        return defaultMappings;
    }

    @JsonProperty
    public void setDefaultMappings(boolean defaultMappings) {
        this.defaultMappings = defaultMappings;
    }

    /** The configured rules followed, unless switched off, by the built-in ones. */
    public List<MappingRule> effectiveMappings() {
        List<MappingRule> rules = new ArrayList<>(mappings);
        if (defaultMappings) {
            rules.addAll(DefaultMappings.RULES);
        }
        return rules;
    }
}
