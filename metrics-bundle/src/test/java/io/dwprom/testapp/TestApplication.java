package io.dwprom.testapp;

import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dwprom.bundle.PrometheusBundle;
import jakarta.servlet.DispatcherType;
import org.jdbi.v3.core.Jdbi;

import java.util.EnumSet;

/**
 * A small application exercising every adapter of the bundle, for the full-stack tests: Jersey resources, assets
 * under {@code /assets/*}, a plain servlet under {@code /plain/*} and a filter answering 401 under {@code /secret/*}.
 */
public class TestApplication extends Application<TestConfiguration> {

    private final PrometheusBundle<TestConfiguration> prometheus = new PrometheusBundle<>(TestConfiguration::getPrometheus);
    private final Gate gate = new Gate();

    @Override
    public void initialize(Bootstrap<TestConfiguration> bootstrap) {
        bootstrap.addBundle(prometheus);
        bootstrap.addBundle(new AssetsBundle("/assets", "/assets", "index.htm", "assets"));
    }

    @Override
    public void run(TestConfiguration configuration, Environment environment) {
        Jdbi jdbi = prometheus.jdbiFactory().build(environment, configuration.getDatabase(), "h2");
        jdbi.useHandle(handle -> handle.execute(
                "CREATE TABLE IF NOT EXISTS items (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL)"));
        environment.jersey().register(new TestResources.Items());
        environment.jersey().register(new TestResources.Streams());
        environment.jersey().register(new TestResources.Failures());
        environment.jersey().register(new TestResources.Locator());
        environment.jersey().register(new TestResources.Health());
        Jdbi unreachable = prometheus.jdbiFactory().build(environment, configuration.getUnreachableDatabase(), "down");
        environment.jersey().register(new TestResources.Database(jdbi, unreachable));
        environment.jersey().register(new TestResources.Slow(gate));
        environment.jersey().register(new TestResources.Jobs(prometheus.metrics().registryFamilies()));
        environment.jersey().register(TestResources.Owned.class);
        environment.jersey().register(new TestResources.Async());
        environment.servlets().addServlet("plain", new ServletComponents.PlainServlet()).addMapping("/plain/*");
        environment.servlets().addFilter("refusing", new ServletComponents.RefusingFilter())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/secret/*");
    }

    public Gate gate() {
        return gate;
    }

    public PrometheusBundle<TestConfiguration> prometheus() {
        return prometheus;
    }
}
