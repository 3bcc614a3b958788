package com.example;

import io.dwprom.metrics.Labels;
import io.dwprom.metrics.MetricHelpers;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.jdbi.v3.core.Jdbi;

@Path("/hello/{name}")
public class HelloResource {
    private final Jdbi jdbi;
    private final MetricHelpers metrics;

    public HelloResource(Jdbi jdbi, MetricHelpers metrics) { this.jdbi = jdbi; this.metrics = metrics; }

    @GET public String hello(@PathParam("name") String name) {
        metrics.incrementCounter("greetings_total", Labels.of("kind", "hello"));
        return jdbi.withHandle(h -> h.select("SELECT 'hello, ' || ? FROM dual", name).mapTo(String.class).one());
    }
}
