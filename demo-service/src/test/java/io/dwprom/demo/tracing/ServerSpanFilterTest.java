package io.dwprom.demo.tracing;

import io.dwprom.demo.DemoApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests carrying a W3C {@code traceparent} run in a server span of that trace, so the duration buckets of the
 * request and of its statements carry the trace's exemplars in the OpenMetrics scrape. Each test uses a route and
 * statements of its own: a bucket keeps its exemplar for seconds, so a shared one might hold another test's.
 */
class ServerSpanFilterTest {

    @RegisterExtension
    static final DemoApp APP = new DemoApp();

    private static final Pattern EXEMPLAR_TRACE = Pattern.compile(" # \\{span_id=\"[0-9a-f]{16}\",trace_id=\"([0-9a-f]{32})\"}");

    @Test
    void aSampledTraceparentLeavesItsTraceIdOnTheRequestsAndItsStatementsBuckets() {
        String trace = "0af7651916cd43dd8448eb211c80319c";
        assertThat(APP.send(traced("/experiments?limit=5", trace, "01")).statusCode()).isEqualTo(200);

        String openMetrics = APP.scrapeOpenMetrics();

        assertThat(exemplarLine(openMetrics, "http_request_duration_seconds_bucket{method=\"GET\",path=\"/experiments\""))
                .contains("trace_id=\"" + trace + "\"");
        assertThat(exemplarLine(openMetrics, "db_query_duration_seconds_bucket{query_type=\"select\",table=\"experiments\""))
                .contains("trace_id=\"" + trace + "\"");
        // The span is the server span the filter started, a child of the caller's span: not the caller's own.
        assertThat(openMetrics).doesNotContain("span_id=\"b7ad6b7169203331\"");
    }

    @Test
    void anUnsampledTraceparentLeavesNoExemplar() {
        String trace = "1af7651916cd43dd8448eb211c80319c";
        assertThat(APP.send(traced("/experiments/42", trace, "00")).statusCode()).isEqualTo(404);

        String openMetrics = APP.scrapeOpenMetrics();

        assertThat(openMetrics).contains("http_request_duration_seconds_bucket{method=\"GET\",path=\"/experiments/{id}\"")
                .doesNotContain(trace);
        assertThat(exemplarLine(openMetrics, "path=\"/experiments/{id}\"")).isNull();
    }

    @Test
    void aRequestWithoutTraceparentStartsASampledTraceOfItsOwn() {
        assertThat(APP.postJson("/models", "{\"name\": \"m\", \"provider\": \"p\"}").statusCode()).isEqualTo(201);

        String line = exemplarLine(APP.scrapeOpenMetrics(),
                "http_request_duration_seconds_bucket{method=\"POST\",path=\"/models\"");

        assertThat(line).isNotNull();
        Matcher trace = EXEMPLAR_TRACE.matcher(line);
        assertThat(trace.find()).isTrue();
        assertThat(trace.group(1)).isNotEqualTo("00000000000000000000000000000000");
    }

    private static HttpRequest.Builder traced(String path, String trace, String flags) {
        return HttpRequest.newBuilder(APP.uri(path)).GET()
                .header("traceparent", "00-" + trace + "-b7ad6b7169203331-" + flags);
    }

    /** The one line starting with {@code prefix} that carries an exemplar, or null. */
    private static String exemplarLine(String openMetrics, String prefix) {
        List<String> lines = openMetrics.lines()
                .filter(line -> line.startsWith(prefix) || line.contains(prefix))
                .filter(line -> line.contains(" # {")).toList();
        assertThat(lines).hasSizeLessThanOrEqualTo(1);
        return lines.isEmpty() ? null : lines.get(0);
    }
}
