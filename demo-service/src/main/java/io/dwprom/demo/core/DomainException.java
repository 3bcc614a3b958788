package io.dwprom.demo.core;

/** A request the domain refuses, with a message naming the problem for the client. */
public class DomainException extends RuntimeException {

    /** What went wrong, which the resources turn into a status code. */
    public enum Kind {
        /** The request itself is malformed (400). */
        BAD_REQUEST,
        /** The addressed entity does not exist (404). */
        NOT_FOUND,
        /** The entity is not in a state that allows the action (409). */
        CONFLICT,
        /** The body is larger than allowed (413). */
        TOO_LARGE,
        /** The body is well-formed but refers to something that does not exist (422). */
        UNPROCESSABLE
    }

    private final Kind kind;

    public DomainException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static DomainException notFound(String entity, long id) {
        return new DomainException(Kind.NOT_FOUND, entity + " " + id + " not found");
    }
}
