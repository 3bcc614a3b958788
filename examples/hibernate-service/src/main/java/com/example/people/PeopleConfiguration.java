package com.example.people;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import io.dwprom.bundle.PrometheusFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

public class PeopleConfiguration extends Configuration {
    @Valid @NotNull private PrometheusFactory prometheus = new PrometheusFactory();
    @Valid @NotNull private DataSourceFactory database = new DataSourceFactory();
    @NotEmpty private String apiKey;

    @JsonProperty public PrometheusFactory getPrometheus() { return prometheus; }
    @JsonProperty public DataSourceFactory getDatabase() { return database; }
    @JsonProperty public String getApiKey() { return apiKey; }
}
