package io.dwprom.demo.api;

/** The body of {@code GET /}: which service this is. */
public record Greeting(String service, String version) {
}
