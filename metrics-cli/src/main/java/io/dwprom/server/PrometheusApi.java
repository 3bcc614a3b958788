package io.dwprom.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.dwprom.scrape.source.FetchOptions;
import io.dwprom.scrape.source.OpenedSource;
import io.dwprom.scrape.source.SourceException;
import io.dwprom.scrape.source.Sources;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * Minimal client for a Prometheus-compatible HTTP API: GET, check {@code status}, return {@code data}. Every error
 * names the URL: unreachable server, HTTP status (with the API's own error text when the body carries one), a body
 * that is not JSON, {@code "status":"error"}.
 */
final class PrometheusApi {
    private final ObjectMapper mapper = new ObjectMapper();
    private final String base;
    private final FetchOptions options;

    /** A client of the server at {@code base}, an http(s) URL; anything else is a {@link SourceException}. */
    PrometheusApi(String base, FetchOptions options) throws SourceException {
        if (!Sources.isUrl(base)) {
            throw new SourceException(base + ": expected the server's http:// or https:// base URL");
        }
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.options = options;
    }

    /** The base URL, without a trailing slash. */
    String base() {
        return base;
    }

    /**
     * GETs {@code path} (e.g. "/api/v1/labels") and returns its {@code data} node: for the answers that are small
     * (statistics, label names, metadata); series are streamed ({@link #series}).
     */
    JsonNode get(String path) throws IOException {
        JsonNode[] data = {MissingNode.getInstance()};
        read(path, parser -> data[0] = mapper.readTree(parser));
        return data[0] == null ? MissingNode.getInstance() : data[0];
    }

    /**
     * GETs {@code path}, whose {@code data} is a list of series (the series API's label sets, or an instant query's
     * {@code result[].metric}), and hands {@code sink} one series at a time as its labels, {@code __name__} included,
     * without holding the answer: memory is what {@code sink} keeps.
     */
    void series(String path, boolean queryResult, Consumer<Map<String, String>> sink) throws IOException {
        read(path, parser -> {
            if (queryResult) {
                forEachField(parser, "result", () -> forEachElement(parser, () -> forEachField(parser, "metric",
                        () -> sink.accept(labels(parser)))));
            } else {
                forEachElement(parser, () -> sink.accept(labels(parser)));
            }
        });
    }

    /**
     * Reads the answer to {@code path} with a streaming parser, giving {@code data} the parser at the start of the
     * {@code data} value, which it must consume; then checks the {@code status}. An answer too large for the heap is
     * an error naming the URL and what raises the limit, never an {@link OutOfMemoryError} elsewhere.
     */
    private void read(String path, DataReader data) throws IOException {
        String url = base + path;
        String status = null;
        String error = null;
        boolean empty = true;
        try (OpenedSource source = Sources.open(url, options, InputStream.nullInputStream());
             JsonParser parser = mapper.getFactory().createParser(source.stream())) {
            JsonToken first = parser.nextToken();
            if (first != null) {
                empty = false;
                if (first != JsonToken.START_OBJECT) {
                    throw new SourceException(url + ": response is not JSON");
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.getCurrentName();
                    JsonToken value = parser.nextToken();
                    if (field.equals("status") && value == JsonToken.VALUE_STRING) {
                        status = parser.getText();
                    } else if (field.equals("error") && value == JsonToken.VALUE_STRING) {
                        error = parser.getText();
                    } else if (field.equals("data")) {
                        data.read(parser);
                    } else {
                        parser.skipChildren();
                    }
                }
            }
        } catch (JsonProcessingException e) {
            throw new SourceException(url + ": response is not JSON");
        } catch (SourceException e) {
            throw e.httpStatus() == 0 ? e : new SourceException(apiError(url, e), e.httpStatus(), e.responseStart());
        } catch (Error e) {
            if (!Sources.ranOutOfHeap(e)) {
                throw e;
            }
            throw tooLarge(url);
        } catch (IOException e) {
            throw Sources.heapExhausted() ? tooLarge(url)
                    : new SourceException(url + ": cannot read the response: " + (e.getMessage() == null ? e : e.getMessage()));
        }
        if (!"success".equals(status)) {
            throw new SourceException(url + ": API call failed: " + (empty ? "empty response" : error != null ? error : "no status"));
        }
    }

    private static SourceException tooLarge(String url) {
        return new SourceException(url + ": the answer does not fit in the Java heap ("
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB): narrow the selector (--job, --match), "
                + "or raise the heap with -Xmx in METRICS_LINT_JAVA_OPTS");
    }

    /** Consumes the value at the parser's current token: an object's field {@code name} is given to {@code reader}. */
    private static void forEachField(JsonParser parser, String name, IoRunnable reader) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.getCurrentName();
            parser.nextToken();
            if (field.equals(name)) {
                reader.run();
            } else {
                parser.skipChildren();
            }
        }
    }

    /** Consumes the value at the parser's current token: each element of an array is given to {@code reader}. */
    private static void forEachElement(JsonParser parser, IoRunnable reader) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            reader.run();
        }
    }

    /** Consumes an object of label names to values; any other value gives no labels. */
    private static Map<String, String> labels(JsonParser parser) throws IOException {
        Map<String, String> labels = new HashMap<>();
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return labels;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.getCurrentName();
            JsonToken value = parser.nextToken();
            if (value.isScalarValue()) {
                labels.put(name, parser.getText());
            } else {
                parser.skipChildren();
            }
        }
        return labels;
    }

    /** Reads the {@code data} value of an answer. */
    @FunctionalInterface
    private interface DataReader {
        void read(JsonParser parser) throws IOException;
    }

    /** A step of reading that may fail. */
    @FunctionalInterface
    private interface IoRunnable {
        void run() throws IOException;
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
