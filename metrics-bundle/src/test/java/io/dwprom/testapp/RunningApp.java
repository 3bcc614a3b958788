package io.dwprom.testapp;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A {@link TestApplication} on free loopback ports with its own in-memory database, and an HTTP client for it. */
public final class RunningApp {

    private final DropwizardAppExtension<TestConfiguration> app;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningApp(DropwizardAppExtension<TestConfiguration> app) {
        this.app = app;
    }

    /**
     * The extension to put in a {@code @RegisterExtension} field, with configuration overrides given as alternating
     * keys and values ({@code "prometheus.enabled", "false"}). Each key is set once: overrides are system
     * properties, and a key set twice would restore the wrong value after the test.
     */
    public static RunningApp create(String... keysAndValues) {
        return withConfig("test-app.yml", keysAndValues);
    }

    /** As {@link #create}, configured by {@code resource} on the test class path instead of test-app.yml. */
    public static RunningApp withConfig(String resource, String... keysAndValues) {
        return of(TestApplication.class, resource, keysAndValues);
    }

    /** As {@link #withConfig}, running {@code application} (a {@link TestApplication} with more wiring). */
    public static RunningApp of(Class<? extends TestApplication> application, String resource,
                                String... keysAndValues) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            overrides.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        overrides.putIfAbsent("database.url", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ConfigOverride[] configOverrides = overrides.entrySet().stream()
                .map(entry -> ConfigOverride.config(entry.getKey(), entry.getValue())).toArray(ConfigOverride[]::new);
        return new RunningApp(new DropwizardAppExtension<TestConfiguration>(application,
                ResourceHelpers.resourceFilePath(resource), configOverrides));
    }

    public DropwizardAppExtension<TestConfiguration> extension() {
        return app;
    }

    public TestApplication application() {
        return (TestApplication) app.getApplication();
    }

    public HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body) {
        return send(HttpRequest.newBuilder(appUri(path)).method(method, body));
    }

    public HttpResponse<String> get(String path) {
        return send("GET", path, HttpRequest.BodyPublishers.noBody());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The text exposition from the admin port once every answered request is recorded. */
    public String scrape() {
        return ScrapedMetrics.settled(() -> scrape(null).body());
    }

    public HttpResponse<String> scrape(String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(adminUri("/prometheus")).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(request);
    }

    public URI appUri(String path) {
        return URI.create("http://127.0.0.1:" + app.getLocalPort() + path);
    }

    public URI adminUri(String path) {
        return URI.create("http://127.0.0.1:" + app.getAdminPort() + path);
    }
}
