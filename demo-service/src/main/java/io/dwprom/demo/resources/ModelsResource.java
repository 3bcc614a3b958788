package io.dwprom.demo.resources;

import io.dwprom.demo.api.NewModel;
import io.dwprom.demo.core.Models;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /models}: registering models. */
@Path("/models")
@Produces(MediaType.APPLICATION_JSON)
public final class ModelsResource {

    private final Models models;

    public ModelsResource(Models models) {
        this.models = models;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@NotNull @Valid NewModel input) {
        return Response.status(Response.Status.CREATED).entity(models.register(input)).build();
    }
}
