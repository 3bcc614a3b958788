package io.dwprom.demo.resources;

import io.dwprom.demo.api.NewEvaluation;
import io.dwprom.demo.core.Evaluations;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /evaluations}: scores of runs. */
@Path("/evaluations")
@Produces(MediaType.APPLICATION_JSON)
public final class EvaluationsResource {

    private final Evaluations evaluations;

    public EvaluationsResource(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response record(@NotNull @Valid NewEvaluation input) {
        return Response.status(Response.Status.CREATED).entity(evaluations.record(input)).build();
    }
}
