package io.dwprom.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dwprom.lint.source.FetchOptions;
import io.dwprom.lint.source.OpenedSource;
import io.dwprom.lint.source.SourceException;
import io.dwprom.lint.source.Sources;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * Minimal client for a Prometheus-compatible HTTP API: GET, check {@code status}, return {@code data}. Every error
 * names the URL: unreachable server, HTTP status (with the API's own error text when the body carries one), a body
 * that is not JSON, {@code "status":"error"}.
 */
final class PrometheusApi {
    private final ObjectMapper mapper = new ObjectMapper();
    private final String base;
    private final FetchOptions options;

    PrometheusApi(String base, FetchOptions options) throws SourceException {
        if (!Sources.isUrl(base)) {
            throw new SourceException(base + ": expected the server's http:// or https:// base URL");
        }
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.options = options;
    }

    String base() {
        return base;
    }

    /** GETs {@code path} (e.g. "/api/v1/labels") and returns its {@code data} node. */
    JsonNode get(String path) throws IOException {
        String url = base + path;
        JsonNode root;
        try (OpenedSource source = Sources.open(url, options, InputStream.nullInputStream())) {
            root = mapper.readTree(source.stream());
        } catch (JsonProcessingException e) {
            throw new SourceException(url + ": response is not JSON");
        } catch (SourceException e) {
            throw e.httpStatus() == 0 ? e : new SourceException(apiError(url, e), e.httpStatus(), e.responseStart());
        }
        if (root == null || !"success".equals(root.path("status").asText())) {
            throw new SourceException(url + ": API call failed: " + (root == null ? "empty response" : root.path("error").asText("no status")));
        }
        return root.path("data");
    }

    /** GETs a plain-text page such as VictoriaMetrics' {@code /flags}. */
    String getText(String path) throws IOException {
        try (OpenedSource source = Sources.open(base + path, options, InputStream.nullInputStream())) {
            return new String(source.stream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** "URL: server returned HTTP 400: <error>" when the body is an API error, else the plain HTTP message. */
    private String apiError(String url, SourceException e) {
        try {
            JsonNode body = mapper.readTree(e.responseStart());
            if (body != null && body.hasNonNull("error")) {
                return e.getMessage() + ": " + body.get("error").asText();
            }
        } catch (JsonProcessingException notJson) {
            // a plain-text or HTML error page: the status says enough
        }
        return e.getMessage();
    }

    /** {@code path?k1=v1&k2=v2...} with keys and values URL-encoded; pairs with a null value are left out. */
    static String path(String path, String... keysAndValues) {
        StringJoiner query = new StringJoiner("&", path + "?", "").setEmptyValue(path);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                query.add(encode(keysAndValues[i]) + "=" + encode(keysAndValues[i + 1]));
            }
        }
        return query.toString();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
