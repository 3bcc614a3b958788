package com.example.people;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.hibernate.exception.ConstraintViolationException;

import java.util.Map;

/** A write the database refused for a constraint (a name taken twice): 409. */
public class DuplicateExceptionMapper implements ExceptionMapper<ConstraintViolationException> {
    @Override
    public Response toResponse(ConstraintViolationException exception) {
        return Response.status(Response.Status.CONFLICT)
                .entity(Map.of("code", 409, "message", "conflicts with existing data")).build();
    }
}
