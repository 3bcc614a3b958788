package io.dwprom.testapp;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import io.dwprom.bundle.PrometheusFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

public class TestConfiguration extends Configuration {

    @Valid
    @NotNull
    private PrometheusFactory prometheus = new PrometheusFactory();

    @Valid
    @NotNull
    private DataSourceFactory database = new DataSourceFactory();

    @Valid
    @NotNull
    private DataSourceFactory unreachableDatabase = new DataSourceFactory();

    @JsonProperty
    public DataSourceFactory getUnreachableDatabase() {
        return unreachableDatabase;
    }

    @JsonProperty
    public void setUnreachableDatabase(DataSourceFactory unreachableDatabase) {
        this.unreachableDatabase = unreachableDatabase;
    }

    @JsonProperty
    public PrometheusFactory getPrometheus() {
        return prometheus;
    }

    @JsonProperty
    public void setPrometheus(PrometheusFactory prometheus) {
        this.prometheus = prometheus;
    }

    @JsonProperty
    public DataSourceFactory getDatabase() {
        return database;
    }

    @JsonProperty
    public void setDatabase(DataSourceFactory database) {
        this.database = database;
    }
}
