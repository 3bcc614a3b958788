package com.example;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import io.dwprom.bundle.PrometheusFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

public class MyConfiguration extends Configuration {
    @Valid @NotNull private PrometheusFactory prometheus = new PrometheusFactory();
    @Valid @NotNull private DataSourceFactory database = new DataSourceFactory();

    @JsonProperty public PrometheusFactory getPrometheus() { return prometheus; }
    @JsonProperty public DataSourceFactory getDatabase() { return database; }
}
