package com.example.people;

import io.dropwizard.hibernate.UnitOfWork;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

@Path("/people")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PeopleResource {
    private final PersonDAO people;

    public PeopleResource(PersonDAO people) { this.people = people; }

    @GET @UnitOfWork
    public List<Person> list() { return people.findAll(); }

    @POST @UnitOfWork
    public Person create(Person person) { return people.create(person); }

    @GET @Path("/{id}") @UnitOfWork
    public Person get(@PathParam("id") long id) { return find(id); }

    @PUT @Path("/{id}") @UnitOfWork
    public Person update(@PathParam("id") long id, Person changes) {
        Person person = find(id);
        person.setName(changes.getName());
        person.setJobTitle(changes.getJobTitle());
        return person;
    }

    @DELETE @Path("/{id}") @UnitOfWork
    public void delete(@PathParam("id") long id) { people.delete(find(id)); }

    private Person find(long id) {
        return people.findById(id).orElseThrow(() -> new NotFoundException("No person " + id));
    }
}
