package io.dwprom.scrape.source;

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
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * An {@code http(s)://} source, scraped as Prometheus does; a class of its own so that reading a file or stdin links
 * none of the HTTP client.
 */
final class UrlSource {
    private UrlSource() {
    }

    /** Redirects followed before giving up, as many as Prometheus' HTTP client follows. */
    static final int MAX_REDIRECTS = 10;

    /**
     * Sends a GET with the Accept header Prometheus 3 sends for the options' scrape protocols, following redirects;
     * a non-2xx status, a timeout or a refused connection is a {@link SourceException}. Credentials go only to the scheme, host and port of {@code url}: a
     * redirect elsewhere is followed without them. A {@code scrape} must answer with an exposition format's
     * {@code Content-Type}, or the options' fallback protocol is assumed (see {@link ScrapeProtocol}).
     */
    static OpenedSource open(String url, FetchOptions options, boolean scrape) throws SourceException {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new SourceException(url + ": invalid URL: " + e.getMessage());
        }
        String timeoutMessage = url + ": timed out after " + describe(options.timeout()) + " (--timeout)";
        Deadlines.Watch watch = Deadlines.watch(deadline, timeoutMessage);
        try {
            OpenedSource opened = open(url, uri, options, scrape, watch, timeoutMessage);
            watch = null; // the stream ends it when closed
            return opened;
        } finally {
            if (watch != null) {
                watch.end();
            }
        }
    }

    private static OpenedSource open(String url, URI origin, FetchOptions options, boolean scrape,
                                     Deadlines.Watch watch, String timeoutMessage) throws SourceException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(options.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        URI uri = origin;
        HttpResponse<InputStream> response;
        for (int redirects = 0; ; redirects++) {
            response = send(client, request(uri, options, sameOrigin(origin, uri)), url, watch, timeoutMessage);
            String location = isRedirect(response.statusCode())
                    ? response.headers().firstValue("Location").orElse(null) : null;
            if (location == null) {
                break;
            }
            closeQuietly(response.body());
            if (redirects == MAX_REDIRECTS) {
                throw new SourceException(url + ": more than " + MAX_REDIRECTS + " redirects");
            }
            try {
                uri = uri.resolve(location);
            } catch (IllegalArgumentException e) {
                throw new SourceException(url + ": redirected to an invalid URL: " + location);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new SourceException(url + ": redirected to a URL that is not http(s): " + location);
            }
        }
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw new SourceException(url + ": server returned HTTP " + status, status,
                    startOf(body(response, watch, timeoutMessage)));
        }
        ScrapeFormat format = ScrapeFormat.TEXT;
        if (scrape) {
            try {
                format = ScrapeProtocol.format(url, response.headers().firstValue("Content-Type").orElse(null),
                        options.fallbackProtocol());
            } catch (SourceException e) {
                closeQuietly(response.body());
                throw e;
            }
        }
        try {
            return new OpenedSource(url, new LimitedInputStream(body(response, watch, timeoutMessage).get(), options.maxBytes(), url),
                    format);
        } catch (SourceException e) {
            throw e;
        } catch (IOException e) {
            throw new SourceException(url + ": cannot read the response: " + e.getMessage());
        }
    }

    private static HttpRequest request(URI uri, FetchOptions options, boolean withCredentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(options.timeout()).GET()
                .header("Accept", ScrapeProtocol.acceptHeader(options.scrapeProtocols()))
                .header("Accept-Encoding", "gzip")
                .header("User-Agent", "metrics-lint");
        if (options.authorization() != null && withCredentials) {
            request.header("Authorization", options.authorization());
        }
        return request.build();
    }

    private static HttpResponse<InputStream> send(HttpClient client, HttpRequest request, String url,
                                                  Deadlines.Watch watch, String timeoutMessage) throws SourceException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new SourceException(timeoutMessage);
        } catch (ConnectException e) {
            throw new SourceException(url + ": cannot connect (" + (e.getMessage() == null ? "connection refused" : e.getMessage()) + ")");
        } catch (IOException e) {
            if (watch.expired) {
                Thread.interrupted();
                throw new SourceException(timeoutMessage);
            }
            throw new SourceException(url + ": request failed: " + e);
        } catch (InterruptedException e) {
            if (watch.expired) {
                throw new SourceException(timeoutMessage);
            }
            Thread.currentThread().interrupt();
            throw new SourceException(url + ": interrupted");
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** Whether {@code uri} has the scheme, host and port of {@code origin}, where credentials may go. */
    static boolean sameOrigin(URI origin, URI uri) {
        return scheme(origin).equals(scheme(uri)) && origin.getHost() != null && uri.getHost() != null
                && origin.getHost().equalsIgnoreCase(uri.getHost()) && port(origin) == port(uri);
    }

    private static String scheme(URI uri) {
        return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : scheme(uri).equals("https") ? 443 : 80;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // a redirect's body is not read
        }
    }

    static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    /** The response body under the overall deadline, decompressed when gzip-encoded (opened on first use). */
    private static IoSupplier body(HttpResponse<InputStream> response, Deadlines.Watch watch, String timeoutMessage) {
        return () -> {
            InputStream body = new DeadlineInputStream(response.body(), watch, timeoutMessage);
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

    /** Opens a stream, possibly failing. */
    @FunctionalInterface
    private interface IoSupplier {
        InputStream get() throws IOException;
    }
}
