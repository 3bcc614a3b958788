package com.example.people;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Reached only through {@link ApiKeyFilter}. */
@Path("/secret")
@Produces(MediaType.TEXT_PLAIN)
public class SecretResource {
    @GET
    public String secret() { return "the launch codes"; }
}
