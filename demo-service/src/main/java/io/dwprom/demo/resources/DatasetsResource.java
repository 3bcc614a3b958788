package io.dwprom.demo.resources;

import io.dwprom.demo.core.Datasets;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;

/** {@code /datasets}: raw uploads, streamed to storage. */
@Path("/datasets")
@Produces(MediaType.APPLICATION_JSON)
public final class DatasetsResource {

    private final Datasets datasets;

    public DatasetsResource(Datasets datasets) {
        this.datasets = datasets;
    }

    /** Takes the body as a stream: Jersey hands it over unread, and it is copied to storage in small chunks. */
    @POST
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    public Response upload(@QueryParam("name") @NotBlank @Size(max = 200) String name, InputStream body) {
        return Response.status(Response.Status.CREATED).entity(datasets.upload(name, body)).build();
    }
}
