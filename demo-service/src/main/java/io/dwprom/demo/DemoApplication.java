package io.dwprom.demo;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.migrations.MigrationsBundle;
import io.dwprom.bundle.PrometheusBundle;
import io.dwprom.demo.cli.ImportDatasetCommand;
import io.dwprom.demo.core.BusinessMetrics;
import io.dwprom.demo.core.Datasets;
import io.dwprom.demo.core.Evaluations;
import io.dwprom.demo.core.Experiments;
import io.dwprom.demo.core.Models;
import io.dwprom.demo.db.SchemaMigration;
import io.dwprom.demo.resources.DatasetsResource;
import io.dwprom.demo.resources.DomainExceptionMapper;
import io.dwprom.demo.resources.EvaluationsResource;
import io.dwprom.demo.resources.ExperimentsResource;
import io.dwprom.demo.resources.ModelsResource;
import io.dwprom.demo.resources.RootResource;
import io.dwprom.demo.resources.RunsResource;
import io.dwprom.demo.tracing.ServerSpanFilter;
import io.dwprom.demo.tracing.Tracing;
import jakarta.servlet.DispatcherType;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.util.EnumSet;

/**
 * The LLM research API: experiments, their runs, models, datasets and evaluations over JDBI, instrumented by
 * the Prometheus bundle. {@code server config.yml} migrates the schema and serves; {@code db migrate config.yml}
 * only migrates; {@code import-dataset config.yml FILE} imports a dataset file and pushes its metrics.
 */
public class DemoApplication extends Application<DemoConfiguration> {

    /** The application's name, reported by {@code GET /}. */
    public static final String NAME = "llm-research-api";

    private final PrometheusBundle<DemoConfiguration> prometheus =
            new PrometheusBundle<>(DemoConfiguration::getPrometheus);
    private Datasets datasets;

    public static void main(String[] args) throws Exception {
        new DemoApplication().run(args);
    }

    @Override
    public String getName() {
        return NAME;
    }

    /** The Prometheus bundle, for commands that push their metrics. */
    public PrometheusBundle<DemoConfiguration> prometheus() {
        return prometheus;
    }

    /** The datasets, once {@link #run} has wired them (for commands). */
    public Datasets datasets() {
        return datasets;
    }

    @Override
    public void initialize(Bootstrap<DemoConfiguration> bootstrap) {
        // ${VAR:-default} in config.yml, so ports and database switch without editing the file.
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        bootstrap.addBundle(prometheus);
        bootstrap.addCommand(new ImportDatasetCommand(this));
        bootstrap.addBundle(new MigrationsBundle<>() {
            @Override
            public DataSourceFactory getDataSourceFactory(DemoConfiguration configuration) {
                return configuration.getDatabase();
            }

            @Override
            public String getMigrationsFileName() {
                return SchemaMigration.CHANGELOG;
            }
        });
    }

    @Override
    public void run(DemoConfiguration config, Environment environment) throws Exception {
        environment.getObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        // Before anything touches the tables: `server config.yml` alone must work on an empty database.
        SchemaMigration.migrate(config.getDatabase());

        // Every request runs in a server span, so the bundle's duration buckets carry exemplars of their traces. Mapped
        // with isMatchAfter=false, after the bundle's run: Jetty puts it in front of the chain, ahead of the bundle's
        // HTTP filter, which records once the rest of the chain returns and so still runs inside the span.
        environment.servlets().addFilter("server-spans", new ServerSpanFilter(Tracing.start(NAME, environment.lifecycle())))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");

        Jdbi jdbi = prometheus.jdbiFactory().build(environment, config.getDatabase(), "database");
        BusinessMetrics business = config.getBusiness().build(prometheus.metrics().registryFamilies());
        environment.jersey().register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(business).to(BusinessMetrics.class); // injectable into resources, like the bundle's recorders
            }
        });
        Clock clock = Clock.systemUTC();

        environment.jersey().register(new DomainExceptionMapper());
        environment.jersey().register(new RootResource(NAME, Version.current()));
        Experiments experiments = new Experiments(jdbi, business, clock);
        environment.jersey().register(new ExperimentsResource(experiments));
        environment.jersey().register(new RunsResource(experiments));
        environment.jersey().register(new ModelsResource(new Models(jdbi, business, clock)));
        datasets = new Datasets(jdbi, config.getDatasets().build(environment.lifecycle()::manage), business, clock);
        environment.jersey().register(new DatasetsResource(datasets));
        environment.jersey().register(new EvaluationsResource(new Evaluations(jdbi, business, clock)));
    }
}
