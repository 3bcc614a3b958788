package io.dwprom.internal.http;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.glassfish.jersey.uri.UriTemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the request facts a client controls (method, path, status) and of the route joining:
 * every label value comes from a bounded set or from the application's templates, whatever the bytes.
 * Seeds: {@code HttpLabelsFuzzTestInputs/} beside this class in the test resources.
 */
class HttpLabelsFuzzTest {

    private static final Set<String> METHOD_VALUES =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "CONNECT", "OTHER");
    private static final Set<String> UNMATCHED_PATHS =
            Set.of(HttpLabels.NOT_FOUND, HttpLabels.REDIRECTION, HttpLabels.UNMATCHED);

    @FuzzTest
    void labelsStayBoundedForAnyMethodStatusPathAndTemplates(FuzzedDataProvider data) {
        byte[] method = data.consumeBytes(data.consumeInt(0, 16));
        int status = data.consumeInt();
        List<String> excluded = new ArrayList<>();
        for (int n = data.consumeInt(0, 3); n > 0; n--) {
            excluded.add(data.consumeString(16));
        }
        List<String> templates = new ArrayList<>();
        for (int n = data.consumeInt(0, 4); n > 0; n--) {
            templates.add(data.consumeString(48));
        }
        byte[] path = data.consumeRemainingAsBytes();

        for (String text : List.of(new String(method, StandardCharsets.ISO_8859_1),
                new String(method, StandardCharsets.UTF_8))) {
            assertThat(HttpLabels.method(text)).isIn(METHOD_VALUES)
                    .isEqualTo(METHOD_VALUES.contains(text) ? text : HttpLabels.OTHER_METHOD);
        }
        assertThat(HttpLabels.status(status))
                .isEqualTo(status >= 100 && status <= 599 ? Integer.toString(status) : "unknown");
        assertThat(HttpLabels.unmatchedPath(status)).isIn(UNMATCHED_PATHS);

        ExcludedPaths excludedPaths = new ExcludedPaths(excluded);
        for (String text : List.of(new String(path, StandardCharsets.UTF_8), new String(path, StandardCharsets.ISO_8859_1))) {
            assertThat(excludedPaths.excludes(text, 0)).as("%s excluded by %s", text, excluded)
                    .isEqualTo(isUnderOneOf(text, excluded));
        }

        assertRouteShape(HttpLabels.route(templates), templates);
    }

    /** The documented rule, written out plainly: the path is an entry or lies below one, slashes aside. */
    private static boolean isUnderOneOf(String path, List<String> entries) {
        String segments = stripSlashes(path, false);
        for (String entry : entries) {
            String prefix = stripSlashes(entry.trim(), true);
            if (prefix.isEmpty() || segments.equals(prefix) || segments.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }

    private static String stripSlashes(String text, boolean trailingToo) {
        String result = text.startsWith("/") ? text.substring(1) : text;
        return trailingToo && result.endsWith("/") ? result.substring(0, result.length() - 1) : result;
    }

    /**
     * A route is an absolute path no longer than its templates. When Jersey accepts every template (as it does
     * every template of a running application), it has no empty segment and no trailing slash either.
     */
    private static void assertRouteShape(String route, List<String> templates) {
        int templateChars = templates.stream().mapToInt(String::length).sum();
        assertThat(route).as("route of %s", templates).startsWith("/")
                .hasSizeLessThanOrEqualTo(templateChars + 3 * templates.size() + 1);
        if (templates.stream().allMatch(HttpLabelsFuzzTest::isJerseyTemplate)) {
            assertThat(route).as("route of %s", templates).doesNotContain("//");
            assertThat(route.length() == 1 || !route.endsWith("/")).as("route %s of %s", route, templates).isTrue();
        }
    }

    private static boolean isJerseyTemplate(String template) {
        try {
            new UriTemplate(template);
            return true;
        } catch (RuntimeException invalid) { // Jersey's parser also throws index errors, e.g. on a trailing '%'
            return false;
        }
    }
}
