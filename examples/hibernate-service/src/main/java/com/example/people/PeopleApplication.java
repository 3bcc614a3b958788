package com.example.people;

import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.db.PooledDataSourceFactory;
import io.dropwizard.hibernate.HibernateBundle;
import io.dropwizard.views.common.ViewBundle;
import io.dwprom.bundle.PrometheusBundle;
import jakarta.servlet.DispatcherType;

import java.util.EnumSet;

public class PeopleApplication extends Application<PeopleConfiguration> {
    private final PrometheusBundle<PeopleConfiguration> prometheus = new PrometheusBundle<>(PeopleConfiguration::getPrometheus);

    // Added before the Prometheus bundle: it builds its data source, and connects, in its own run.
    private final HibernateBundle<PeopleConfiguration> hibernate = new HibernateBundle<>(Person.class) {
        @Override public PooledDataSourceFactory getDataSourceFactory(PeopleConfiguration c) {
            return prometheus.dataSourceFactory(c.getDatabase());
        }
    };

    public static void main(String[] args) throws Exception { new PeopleApplication().run(args); }

    @Override public void initialize(Bootstrap<PeopleConfiguration> bootstrap) {
        bootstrap.addBundle(hibernate);
        bootstrap.addBundle(new AssetsBundle("/assets", "/assets"));
        bootstrap.addBundle(new ViewBundle<>());
        bootstrap.addBundle(prometheus);
    }

    @Override public void run(PeopleConfiguration config, Environment environment) {
        PersonDAO people = new PersonDAO(hibernate.getSessionFactory());
        environment.jersey().register(new PeopleResource(people));
        environment.jersey().register(new DirectoryResource(people));
        environment.jersey().register(new DuplicateExceptionMapper());
        environment.jersey().register(new SecretResource());
        environment.servlets().addFilter("api-key", new ApiKeyFilter(config.getApiKey()))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/secret", "/secret/*");

        ManagedDataSource reports = prometheus.dataSourceFactory(config.getDatabase()).build(environment.metrics(), "reports");
        environment.lifecycle().manage(reports);
        environment.jersey().register(new ReportResource(reports));
        environment.admin().addTask(new HibernateStatisticsTask(hibernate.getSessionFactory()));
    }
}
