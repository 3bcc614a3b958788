package io.dwprom.lint.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.zip.GZIPInputStream;

/** Scrapes an {@code http(s)://} URL like Prometheus does; kept apart so files and stdin never load the HTTP client. */
final class UrlSource {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "metrics-lint-deadline");
        t.setDaemon(true);
        return t;
    });

    private UrlSource() {
    }

    /** Opens {@code url} with the overall deadline, size cap and authorization of {@code options}. */
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
            throw new SourceException(url + ": timed out after " + Sources.describe(options.timeout()) + " (--timeout)");
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
            closeQuietly(response.body());
            throw new SourceException(url + ": server returned HTTP " + status);
        }
        try {
            InputStream body = new DeadlineInputStream(response.body(), url, options.timeout(), deadline, TIMER);
            if (response.headers().firstValue("Content-Encoding").orElse("").equalsIgnoreCase("gzip")) {
                body = new GZIPInputStream(body, 1 << 16);
            }
            return new OpenedSource(url, new LimitedInputStream(body, options.maxBytes(), url));
        } catch (SourceException e) {
            throw e;
        } catch (IOException e) {
            throw new SourceException(url + ": cannot read the response: " + e.getMessage());
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing to report: the HTTP status is the error
        }
    }
}
