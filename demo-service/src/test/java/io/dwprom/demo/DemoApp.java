package io.dwprom.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dwprom.testapp.ScrapedMetrics;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The demo on free loopback ports with its own in-memory H2 database and dataset directory, as a JUnit extension
 * for a static {@code @RegisterExtension} field, with an HTTP client for its API and its metrics.
 */
public final class DemoApp implements BeforeAllCallback, AfterAllCallback {

    private static final ObjectMapper JSON = Jackson.newObjectMapper();

    private final String databaseUrl = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final Path storageDir;
    private final DropwizardAppExtension<DemoConfiguration> app;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public DemoApp(ConfigOverride... overrides) {
        this("demo-test.yml", overrides);
    }

    /** An application configured by {@code resource} on the test class path, with a fresh database. */
    public DemoApp(String resource, ConfigOverride... overrides) {
        this(resource, true, overrides);
    }

    private DemoApp(String resource, boolean freshH2, ConfigOverride... overrides) {
        try {
            storageDir = Files.createTempDirectory("demo-test-datasets-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ConfigOverride> all = new ArrayList<>();
        all.add(ConfigOverride.config("datasets.storageDir", storageDir.toString()));
        if (freshH2) {
            all.add(ConfigOverride.config("database.url", databaseUrl));
        }
        all.addAll(Arrays.asList(overrides));
        app = new DropwizardAppExtension<>(DemoApplication.class, ResourceHelpers.resourceFilePath(resource),
                all.toArray(ConfigOverride[]::new));
    }

    /** An application on another database: {@code overrides} must set {@code database.*}. */
    public static DemoApp onDatabase(ConfigOverride... overrides) {
        return new DemoApp("demo-test.yml", false, overrides);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        app.before();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            app.after();
        } finally {
            deleteRecursively(storageDir);
        }
    }

    public Path storageDir() {
        return storageDir;
    }

    /** A Jdbi on the application's database, to check what was (not) written. */
    public Jdbi database() {
        DemoConfiguration config = app.getConfiguration();
        return Jdbi.create(config.getDatabase().getUrl(), config.getDatabase().getUser(),
                config.getDatabase().getPassword());
    }

    public long count(String table) {
        return database().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> postEmpty(String path) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public HttpResponse<String> postBytes(String path, String contentType, HttpRequest.BodyPublisher body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType).POST(body));
    }

    /** The metrics once every answered request is recorded (see {@link ScrapedMetrics#settled}). */
    public ScrapedMetrics scrape() {
        return new ScrapedMetrics(ScrapedMetrics.settled(() -> {
            HttpResponse<String> response = send(HttpRequest.newBuilder(adminUri("/prometheus")).GET());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("scrape answered " + response.statusCode());
            }
            return response.body();
        }));
    }

    /** The OpenMetrics exposition (with exemplars), taken once every answered request is recorded. */
    public String scrapeOpenMetrics() {
        scrape();
        HttpResponse<String> response = send(HttpRequest.newBuilder(adminUri("/prometheus"))
                .header("Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8").GET());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("scrape answered " + response.statusCode());
        }
        return response.body();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.getLocalPort() + path);
    }

    public URI adminUri(String path) {
        return URI.create("http://127.0.0.1:" + app.getAdminPort() + path);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    public static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
