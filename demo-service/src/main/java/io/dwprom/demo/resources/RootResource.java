package io.dwprom.demo.resources;

import io.dwprom.demo.api.Greeting;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /}: the cheapest route, touching no database. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class RootResource {

    private final Greeting greeting;

    public RootResource(String service, String version) {
        this.greeting = new Greeting(service, version);
    }

    @GET
    public Greeting greet() {
        return greeting;
    }
}
