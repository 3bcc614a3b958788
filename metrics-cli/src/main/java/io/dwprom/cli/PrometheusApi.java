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

/** Minimal client for a Prometheus-compatible HTTP API: GET, check {@code status}, return {@code data}. */
final class PrometheusApi {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final String base;
    private final FetchOptions options;

    PrometheusApi(String base, FetchOptions options) {
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
            root = MAPPER.readTree(source.stream());
        } catch (JsonProcessingException e) {
            throw new SourceException(url + ": response is not JSON");
        }
        if (root == null || !"success".equals(root.path("status").asText())) {
            throw new SourceException(url + ": API call failed: " + (root == null ? "empty response" : root.path("error").asText("no status")));
        }
        return root.path("data");
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
