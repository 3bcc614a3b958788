package io.dwprom.demo;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import io.dwprom.bundle.PrometheusFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The configuration of the demo service.
 *
 * <table>
 * <caption>Keys besides Dropwizard's {@code server} and {@code logging}</caption>
 * <tr><th>key</th><th>default</th><th>description</th></tr>
 * <tr><td>database</td><td>(required)</td><td>Dropwizard's {@link DataSourceFactory}: H2 or PostgreSQL</td></tr>
 * <tr><td>datasets</td><td>see {@link DatasetStorageFactory}</td><td>where uploaded dataset bytes go</td></tr>
 * <tr><td>business</td><td>see {@link BusinessMetricsFactory}</td><td>buckets and bounds of the demo's own
 * families</td></tr>
 * <tr><td>prometheus</td><td>see {@link PrometheusFactory}</td><td>the metrics bundle</td></tr>
 * </table>
 */
public class DemoConfiguration extends Configuration {

    @Valid
    @NotNull
    private DataSourceFactory database = new DataSourceFactory();
    @Valid
    @NotNull
    private DatasetStorageFactory datasets = new DatasetStorageFactory();
    @Valid
    @NotNull
    private BusinessMetricsFactory business = new BusinessMetricsFactory();
    @Valid
    @NotNull
    private PrometheusFactory prometheus = new PrometheusFactory();

    @JsonProperty("database")
    public DataSourceFactory getDatabase() {
        return database;
    }

    @JsonProperty("database")
    public void setDatabase(DataSourceFactory database) {
        this.database = database;
    }

    @JsonProperty("datasets")
    public DatasetStorageFactory getDatasets() {
        return datasets;
    }

    @JsonProperty("datasets")
    public void setDatasets(DatasetStorageFactory datasets) {
        this.datasets = datasets;
    }

    @JsonProperty("business")
    public BusinessMetricsFactory getBusiness() {
        return business;
    }

    @JsonProperty("business")
    public void setBusiness(BusinessMetricsFactory business) {
        this.business = business;
    }

    @JsonProperty("prometheus")
    public PrometheusFactory getPrometheus() {
        return prometheus;
    }

    @JsonProperty("prometheus")
    public void setPrometheus(PrometheusFactory prometheus) {
        this.prometheus = prometheus;
    }
}
