package io.dwprom.demo.resources;

import io.dwprom.demo.api.Experiment;
import io.dwprom.demo.api.NewExperiment;
import io.dwprom.demo.api.Run;
import io.dwprom.demo.core.Experiments;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.util.List;

/** {@code /experiments}: create, list, read, and start runs. */
@Path("/experiments")
@Produces(MediaType.APPLICATION_JSON)
public final class ExperimentsResource {

    private final Experiments experiments;

    public ExperimentsResource(Experiments experiments) {
        this.experiments = experiments;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid NewExperiment input) {
        Experiment created = experiments.create(input);
        return Response.created(UriBuilder.fromResource(ExperimentsResource.class).path("{id}").build(created.id()))
                .entity(created)
                .build();
    }

    /** The first {@code limit} experiments (1-1000, default 100), oldest first. */
    @GET
    public List<Experiment> list(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return experiments.list(limit);
    }

    @GET
    @Path("/{id}")
    public Experiment find(@PathParam("id") long id) {
        return experiments.find(id);
    }

    @POST
    @Path("/{id}/runs")
    public Response startRun(@PathParam("id") long id) {
        Run run = experiments.startRun(id);
        return Response.status(Response.Status.CREATED).entity(run).build();
    }
}
