package com.example.people;

import io.dropwizard.hibernate.UnitOfWork;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/directory")
@Produces(MediaType.TEXT_HTML)
public class DirectoryResource {
    private final PersonDAO people;

    public DirectoryResource(PersonDAO people) { this.people = people; }

    @GET @UnitOfWork(readOnly = true)
    public DirectoryView directory() { return new DirectoryView(people.findAll()); }
}
