package io.dwprom.demo.resources;

import io.dwprom.demo.api.Run;
import io.dwprom.demo.api.RunCompletion;
import io.dwprom.demo.core.Experiments;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /runs}: completing a run. */
@Path("/runs")
@Produces(MediaType.APPLICATION_JSON)
public final class RunsResource {

    private final Experiments experiments;

    public RunsResource(Experiments experiments) {
        this.experiments = experiments;
    }

    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    public Run complete(@PathParam("id") long id, @NotNull @Valid RunCompletion completion) {
        return experiments.completeRun(id, completion.status());
    }
}
