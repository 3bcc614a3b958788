package io.dwprom.lint.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.zip.GZIPInputStream;

/**
 * An {@code http(s)://} source, scraped as Prometheus does; a class of its own so that reading a file or stdin links
 * none of the HTTP client.
 */
final class UrlSource {
    private UrlSource() {
    }

    /** Sends one GET with Prometheus' Accept header; a non-2xx status, a timeout or a refused connection is a {@link SourceException}. */
    static OpenedSource open(String url, FetchOptions options) throws SourceException {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new SourceException(url + ": invalid URL: " + e.getMessage());
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(options.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(options.timeout()).GET()
                .header("Accept", Sources.ACCEPT)
                .header("Accept-Encoding", "gzip")
                .header("User-Agent", "metrics-lint");
        if (options.authorization() != null) {
            request.header("Authorization", options.authorization());
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new SourceException(url + ": timed out after " + describe(options.timeout()) + " (--timeout)");
        } catch (ConnectException e) {
            throw new SourceException(url + ": cannot connect (" + (e.getMessage() == null ? "connection refused" : e.getMessage()) + ")");
        } catch (IOException e) {
            throw new SourceException(url + ": request failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException(url + ": interrupted");
        }
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw new SourceException(url + ": server returned HTTP " + status, status, startOf(body(response, url, options, deadline)));
        }
        try {
            return new OpenedSource(url, new LimitedInputStream(body(response, url, options, deadline).get(), options.maxBytes(), url));
        } catch (SourceException e) {
            throw e;
        } catch (IOException e) {
            throw new SourceException(url + ": cannot read the response: " + e.getMessage());
        }
    }

    static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    /** The response body under the overall deadline, decompressed when gzip-encoded (opened on first use). */
    private static IoSupplier body(HttpResponse<InputStream> response, String url, FetchOptions options, long deadline) {
        return () -> {
            InputStream body = new DeadlineInputStream(response.body(), url, options.timeout(), deadline, DeadlineTimer.INSTANCE);
            if (response.headers().firstValue("Content-Encoding").orElse("").equalsIgnoreCase("gzip")) {
                body = new GZIPInputStream(body, 1 << 16);
            }
            return body;
        };
    }

    /** The first {@link Sources#ERROR_BODY_BYTES} bytes of an error response, or "" if it cannot be read. */
    private static String startOf(IoSupplier body) {
        try (InputStream in = body.get()) {
            return new String(in.readNBytes(Sources.ERROR_BODY_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The thread that cuts off a slow response; created with the first URL read, never for a file or stdin. */
    private static final class DeadlineTimer {
        static final ScheduledExecutorService INSTANCE = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "metrics-lint-deadline");
            t.setDaemon(true);
            return t;
        });
    }

    /** Opens a stream, possibly failing. */
    @FunctionalInterface
    private interface IoSupplier {
        InputStream get() throws IOException;
    }
}
