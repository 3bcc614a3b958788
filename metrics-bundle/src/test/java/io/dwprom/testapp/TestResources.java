package io.dwprom.testapp;

import com.codahale.metrics.annotation.Timed;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.Timer;
import io.dwprom.registry.LabelledRegistryCounter;
import io.dwprom.registry.RegistryFamilies;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import org.jdbi.v3.core.Jdbi;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Resources of {@link TestApplication}, one per kind of request the HTTP adapter must label. */
final class TestResources {

    private TestResources() {
    }

    @Path("/items")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Items {

        @GET
        @Path("{id: [0-9]+}")
        @Timed
        public Map<String, Object> get(@PathParam("id") long id) {
            return Map.of("id", id);
        }

        @POST
        @Consumes(MediaType.APPLICATION_OCTET_STREAM)
        public Map<String, Object> upload(InputStream body) throws IOException {
            long size = 0;
            byte[] buffer = new byte[8192];
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                size += read;
            }
            return Map.of("size", size);
        }
    }

    @Path("/stream")
    public static final class Streams {

        /** Writes {@code bytes} bytes with no Content-Length (chunked). */
        @GET
        @Produces(MediaType.APPLICATION_OCTET_STREAM)
        public StreamingOutput stream(@QueryParam("bytes") int bytes) {
            return output -> {
                for (int i = 0; i < bytes; i++) {
                    output.write('x');
                }
            };
        }
    }

    /** Blocks until the test opens its {@link Gate}, to observe a request in flight. */
    @Path("/slow")
    public static final class Slow {

        private final Gate gate;

        Slow(Gate gate) {
            this.gate = gate;
        }

        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String slow() throws InterruptedException {
            gate.enterAndWait();
            return "done";
        }
    }

    /** Resumes its response on another thread, after the request's first dispatch has returned. */
    @Path("/async")
    public static final class Async {

        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public void async(@Suspended AsyncResponse response) {
            CompletableFuture.runAsync(() -> response.resume("resumed"),
                    CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
        }
    }

    @Path("/fail")
    public static final class Failures {

        @GET
        public String fail() {
            throw new IllegalStateException("deliberate failure");
        }
    }

    @Path("/parent/{parentId}")
    public static final class Locator {

        @Path("child")
        public Child child() {
            return new Child();
        }
    }

    public static final class Child {

        @GET
        @Path("{childId}")
        @Produces(MediaType.TEXT_PLAIN)
        public String get(@PathParam("childId") String childId) {
            return childId;
        }
    }

    @Path("/health")
    public static final class Health {

        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String health() {
            return "ok";
        }
    }

    @Path("/db")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Database {

        private final Jdbi jdbi;
        private final Jdbi unreachable;

        Database(Jdbi jdbi, Jdbi unreachable) {
            this.jdbi = jdbi;
            this.unreachable = unreachable;
        }

        /** PostgreSQL only: a statement that stays active long enough to be cut off. */
        @GET
        @Path("sleep")
        public List<String> sleep() {
            return jdbi.withHandle(handle -> handle.createQuery("SELECT CAST(pg_sleep(0.2) AS TEXT)")
                    .mapTo(String.class).list());
        }

        @GET
        @Path("unreachable")
        public List<String> fromUnreachableDatabase() {
            return unreachable.withHandle(handle -> handle.createQuery("SELECT 1").mapTo(String.class).list());
        }

        @POST
        @Path("items/{id}")
        public Map<String, Object> insert(@PathParam("id") int id) {
            jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO items (id, name) VALUES (:id, :name)")
                    .bind("id", id).bind("name", "item-" + id).execute());
            return Map.of("id", id);
        }

        @GET
        @Path("items")
        public List<String> list() {
            return jdbi.withHandle(handle -> handle.createQuery("SELECT name FROM items ORDER BY id")
                    .mapTo(String.class).list());
        }

        @GET
        @Path("missing-table")
        public List<String> missingTable() {
            return jdbi.withHandle(handle -> handle.createQuery("SELECT name FROM no_such_table")
                    .mapTo(String.class).list());
        }
    }

    /** The application's own families in Dropwizard's registry, defined once at start-up. */
    @Path("/jobs")
    public static final class Jobs {

        private final LabelledRegistryCounter done;
        private final Timer duration;
        private final Histogram payload;

        Jobs(RegistryFamilies families) {
            done = families.counter("jobs_done_total", "Jobs done, by outcome.", "testapp.jobs.done", "outcome", 2);
            duration = families.timer("job_duration_seconds", "Job time.", "testapp.jobs.duration",
                    List.of(1.0, 10.0, 60.0));
            payload = families.histogram("job_payload_bytes", "Job payload size.", "testapp.jobs.payload",
                    List.of(1024.0, 1048576.0));
        }

        @POST
        @Path("{outcome}")
        public String record(@PathParam("outcome") String outcome) {
            done.inc(outcome);
            duration.update(Duration.ofSeconds(42));
            payload.update(5000);
            return "recorded";
        }
    }

    /** Answers whether the injected {@link RegistryFamilies} owns a Dropwizard name. */
    @Path("/owned")
    public static final class Owned {

        private final RegistryFamilies families;

        @Inject
        public Owned(RegistryFamilies families) {
            this.families = families;
        }

        @GET
        public String owns(@QueryParam("name") String name) {
            return String.valueOf(families.owns(name));
        }
    }
}
