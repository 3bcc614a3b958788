package io.dwprom.bundle;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.Map;

/**
 * Where a command's metrics go when it ends ({@link io.dwprom.push.CommandPush}).
 *
 * <table>
 * <caption>Keys under {@code prometheus.push}</caption>
 * <tr><th>key</th><th>default</th><th>description</th></tr>
 * <tr><td>enabled</td><td>false</td><td>push at the end of each command that uses {@code CommandPush}</td></tr>
 * <tr><td>url</td><td>http://127.0.0.1:9091</td><td>the Pushgateway's base URL</td></tr>
 * <tr><td>job</td><td>(blank)</td><td>the {@code job} label; blank means the command's name</td></tr>
 * <tr><td>groupingKey</td><td>{}</td><td>further grouping labels, e.g. {@code {instance: nightly}}</td></tr>
 * </table>
 */
public class PushFactory {

    private static final java.util.regex.Pattern LABEL_NAME = java.util.regex.Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private boolean enabled = false;
    @NotNull
    @Pattern(regexp = "https?://\\S+", message = "must be an http:// or https:// URL")
    private String url = "http://127.0.0.1:9091";
    @NotNull
    private String job = "";
    @NotNull
    private Map<String, String> groupingKey = Map.of();

    @JsonProperty
    public boolean isEnabled() {
        return enabled;
    }

    @JsonProperty
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @JsonProperty
    public String getUrl() {
        return url;
    }

    @JsonProperty
    public void setUrl(String url) {
        this.url = url;
    }

    @JsonProperty
    public String getJob() {
        return job;
    }

    @JsonProperty
    public void setJob(String job) {
        this.job = job;
    }

    @JsonProperty
    public Map<String, String> getGroupingKey() {
        return groupingKey;
    }

    @JsonProperty
    public void setGroupingKey(Map<String, String> groupingKey) {
        this.groupingKey = groupingKey;
    }

    @ValidationMethod(message = "groupingKey names must be label names ([a-zA-Z_][a-zA-Z0-9_]*, not job, not __*) "
            + "with non-empty values")
    public boolean isGroupingKeyValid() {
        return groupingKey == null || groupingKey.entrySet().stream().allMatch(label ->
                label.getKey() != null && LABEL_NAME.matcher(label.getKey()).matches()
                        && !label.getKey().equals("job") && !label.getKey().startsWith("__")
                        && label.getValue() != null && !label.getValue().isEmpty());
    }
}
