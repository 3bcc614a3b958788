package io.dwprom.bundle;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.dropwizard.validation.ValidationMethod;
import io.dwprom.internal.config.WholeNumber;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.List;

/**
 * The {@code prometheus} section of {@code config.yml}. The {@code int} keys take whole numbers only
 * ({@code 2.5} fails the start-up rather than becoming {@code 2}).
 *
 * <table>
 * <caption>Keys</caption>
 * <tr><th>key</th><th>default</th><th>description</th></tr>
 * <tr><td>enabled</td><td>true</td><td>false installs nothing (no filter, SQL logger, collectors or endpoint);
 * recorders injected into resources still accept calls and drop them</td></tr>
 * <tr><td>path</td><td>/prometheus</td><td>path of the endpoint on the admin connector; not {@code /} nor a path
 * of Dropwizard's admin endpoints ({@code /metrics}, {@code /healthcheck}, {@code /ping}, {@code /threads},
 * {@code /pprof}, {@code /tasks})</td></tr>
 * <tr><td>excludedPaths</td><td>[/health, /metrics]</td><td>request paths relative to the application context
 * (and everything below them) that record no HTTP metrics</td></tr>
 * <tr><td>jvmMetrics</td><td>true</td><td>export the {@code jvm_*} families of simpleclient_hotspot; the
 * {@code process_*} families are always exported</td></tr>
 * <tr><td>jvmAllocationMetrics</td><td>false</td><td>also export {@code jvm_memory_pool_allocated_bytes_total};
 * it listens to every garbage collection, which costs the tail latency of a saturated service (BENCHMARKS.md)</td></tr>
 * <tr><td>exemplars</td><td>true</td><td>with OpenTelemetry present, the {@code http_request_duration_seconds}
 * and {@code db_query_duration_seconds} buckets carry the trace and span of a sampled observation, in
 * OpenMetrics scrapes only</td></tr>
 * <tr><td>createdSeries</td><td>false</td><td>render the {@code _created} samples of counter, histogram and
 * summary families (the start time of each series); false leaves them out of every family of the endpoint</td></tr>
 * <tr><td>dbActiveConnectionsName</td><td>db_connections_active</td><td>name of the gauge of active (borrowed)
 * database connections</td></tr>
 * <tr><td>maxSqlTables</td><td>200</td><td>distinct {@code table} values; more fold into {@code other}</td></tr>
 * <tr><td>maxLabelSetsPerFamily</td><td>2000</td><td>label sets per family; more are recorded into one
 * {@code OVERFLOW} series and counted in {@code dwprom_label_sets_overflowed_total}</td></tr>
 * <tr><td>maxHelperFamilies</td><td>500</td><td>families the metric helpers create; recordings into further
 * names are dropped, counted in {@code dwprom_helper_families_refused_total} and logged once</td></tr>
 * <tr><td>buckets</td><td>see {@link BucketsFactory}</td><td>histogram bucket bounds</td></tr>
 * <tr><td>nativeHistograms</td><td>disabled, see {@link NativeHistogramsFactory}</td><td>native buckets of the
 * duration histograms, served in the protobuf format</td></tr>
 * <tr><td>bridge</td><td>see {@link BridgeFactory}</td><td>export of Dropwizard's own registry</td></tr>
 * <tr><td>access</td><td>open</td><td>bearer token or basic auth for the endpoint, see {@link AccessFactory}</td></tr>
 * <tr><td>health</td><td>see {@link HealthChecksFactory}</td><td>health checks as gauges</td></tr>
 * <tr><td>push</td><td>see {@link PushFactory}</td><td>a command's metrics to a Pushgateway</td></tr>
 * </table>
 */
public class PrometheusFactory {

    private boolean enabled = true;
    @NotNull
    @Pattern(regexp = "/\\S*", message = "must start with '/' and contain no white space")
    @Pattern(regexp = "(?!/\\*?$)(?!/(metrics|healthcheck|ping|threads|pprof|tasks)(/\\*?)?$)(?!/tasks/).*",
            message = "must not be '/' nor a path of Dropwizard's own admin endpoints (/metrics, /healthcheck, "
                    + "/ping, /threads, /pprof, /tasks): it would replace that endpoint, or never be reached")
    private String path = "/prometheus";
    @NotNull
    private List<String> excludedPaths = List.of("/health", "/metrics");
    private boolean jvmMetrics = true;
    private boolean jvmAllocationMetrics = false;
    private boolean exemplars = true;
    private boolean createdSeries = false;
    @NotNull
    @Pattern(regexp = "[a-zA-Z_:][a-zA-Z0-9_:]*", message = "must be a Prometheus metric name")
    private String dbActiveConnectionsName = "db_connections_active";
    @Min(1)
    private int maxSqlTables = 200;
    @Min(1)
    private int maxLabelSetsPerFamily = 2000;
    @Min(1)
    private int maxHelperFamilies = 500;
    @Valid
    @NotNull
    private BucketsFactory buckets = new BucketsFactory();
    @Valid
    @NotNull
    private NativeHistogramsFactory nativeHistograms = new NativeHistogramsFactory();
    @Valid
    @NotNull
    private BridgeFactory bridge = new BridgeFactory();
    @Valid
    @NotNull
    private AccessFactory access = new AccessFactory();
    @Valid
    @NotNull
    private HealthChecksFactory health = new HealthChecksFactory();
    @Valid
    @NotNull
    private PushFactory push = new PushFactory();

    @JsonProperty
    public boolean isEnabled() {
        return enabled;
    }

    @JsonProperty
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @JsonProperty
    public String getPath() {
        return path;
    }

    @JsonProperty
    public void setPath(String path) {
        this.path = path;
    }

    @JsonProperty
    public List<String> getExcludedPaths() {
        return excludedPaths;
    }

    @JsonProperty
    public void setExcludedPaths(List<String> excludedPaths) {
        this.excludedPaths = excludedPaths;
    }

    @JsonProperty
    public boolean isJvmMetrics() {
        return jvmMetrics;
    }

    @JsonProperty
    public void setJvmMetrics(boolean jvmMetrics) {
        this.jvmMetrics = jvmMetrics;
    }

    @JsonProperty
    public boolean isJvmAllocationMetrics() {
        return jvmAllocationMetrics;
    }

    @JsonProperty
    public void setJvmAllocationMetrics(boolean jvmAllocationMetrics) {
        this.jvmAllocationMetrics = jvmAllocationMetrics;
    }

    @JsonProperty
    public boolean isExemplars() {
        return exemplars;
    }

    @JsonProperty
    public void setExemplars(boolean exemplars) {
        this.exemplars = exemplars;
    }

    @JsonProperty
    public boolean isCreatedSeries() {
        return createdSeries;
    }

    @JsonProperty
    public void setCreatedSeries(boolean createdSeries) {
        this.createdSeries = createdSeries;
    }

    @JsonProperty
    public String getDbActiveConnectionsName() {
        return dbActiveConnectionsName;
    }

    @JsonProperty
    public void setDbActiveConnectionsName(String dbActiveConnectionsName) {
        this.dbActiveConnectionsName = dbActiveConnectionsName;
    }

    @JsonProperty
    public int getMaxSqlTables() {
        return maxSqlTables;
    }

    @JsonProperty
    @JsonDeserialize(using = WholeNumber.class)
    public void setMaxSqlTables(int maxSqlTables) {
        this.maxSqlTables = maxSqlTables;
    }

    @JsonProperty
    public int getMaxLabelSetsPerFamily() {
        return maxLabelSetsPerFamily;
    }

    @JsonProperty
    @JsonDeserialize(using = WholeNumber.class)
    public void setMaxLabelSetsPerFamily(int maxLabelSetsPerFamily) {
        this.maxLabelSetsPerFamily = maxLabelSetsPerFamily;
    }

    @JsonProperty
    public int getMaxHelperFamilies() {
        return maxHelperFamilies;
    }

    @JsonProperty
    @JsonDeserialize(using = WholeNumber.class)
    public void setMaxHelperFamilies(int maxHelperFamilies) {
        this.maxHelperFamilies = maxHelperFamilies;
    }

    @JsonProperty
    public BucketsFactory getBuckets() {
        return buckets;
    }

    @JsonProperty
    public void setBuckets(BucketsFactory buckets) {
        this.buckets = buckets;
    }

    @JsonProperty
    public NativeHistogramsFactory getNativeHistograms() {
        return nativeHistograms;
    }

    @JsonProperty
    public void setNativeHistograms(NativeHistogramsFactory nativeHistograms) {
        this.nativeHistograms = nativeHistograms;
    }

    @JsonProperty
    public BridgeFactory getBridge() {
        return bridge;
    }

    @JsonProperty
    public void setBridge(BridgeFactory bridge) {
        this.bridge = bridge;
    }

    @JsonProperty
    public AccessFactory getAccess() {
        return access;
    }

    @JsonProperty
    public void setAccess(AccessFactory access) {
        this.access = access;
    }

    @JsonProperty
    public HealthChecksFactory getHealth() {
        return health;
    }

    @JsonProperty
    public void setHealth(HealthChecksFactory health) {
        this.health = health;
    }

    @JsonProperty
    public PushFactory getPush() {
        return push;
    }

    @JsonProperty
    public void setPush(PushFactory push) {
        this.push = push;
    }

    @ValidationMethod(message = "excludedPaths entries must start with '/'")
    public boolean isEveryExcludedPathAbsolute() {
        return excludedPaths == null || excludedPaths.stream().allMatch(p -> p != null && p.startsWith("/"));
    }
}
