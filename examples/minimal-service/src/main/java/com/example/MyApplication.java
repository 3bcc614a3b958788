package com.example;

import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dwprom.bundle.PrometheusBundle;
import org.jdbi.v3.core.Jdbi;

public class MyApplication extends Application<MyConfiguration> {
    private final PrometheusBundle<MyConfiguration> prometheus = new PrometheusBundle<>(MyConfiguration::getPrometheus);

    public static void main(String[] args) throws Exception { new MyApplication().run(args); }

    @Override public void initialize(Bootstrap<MyConfiguration> bootstrap) { bootstrap.addBundle(prometheus); }

    @Override public void run(MyConfiguration config, Environment environment) {
        Jdbi jdbi = prometheus.jdbiFactory().build(environment, config.getDatabase(), "db"); // instead of new JdbiFactory()
        environment.jersey().register(new HelloResource(jdbi, prometheus.metrics().helpers()));
    }
}
