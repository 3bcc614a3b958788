package io.dwprom.internal.http;

import java.util.List;
import java.util.Set;

/**
 * Turns client-controlled request facts into label values from a bounded set: known methods or {@code OTHER},
 * status codes 100-599 or {@code unknown}, and route templates, servlet mapping patterns or one of the fixed values
 * for requests that neither names.
 */
public final class HttpLabels {

    /** {@code path} of a 404 answered by no Jersey route and no servlet mapping (unmatched, or by a filter). */
    public static final String NOT_FOUND = "NOT_FOUND";
    /** {@code path} of such a request answered with a redirection. */
    public static final String REDIRECTION = "REDIRECTION";
    /** {@code path} of any other such request (Jersey's 405 or 415, a filter's 401 or 405...). */
    public static final String UNMATCHED = "UNMATCHED";
    /** {@code method} of any request whose method is not a standard one. */
    public static final String OTHER_METHOD = "OTHER";

    private static final Set<String> STANDARD_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "CONNECT");
    private static final String[] STATUS_TEXT = new String[600];

    static {
        for (int status = 100; status < STATUS_TEXT.length; status++) {
            STATUS_TEXT[status] = Integer.toString(status);
        }
    }

    private HttpLabels() {
    }

    /** The method itself when standard, else {@link #OTHER_METHOD}. */
    public static String method(String method) {
        return method != null && STANDARD_METHODS.contains(method) ? method : OTHER_METHOD;
    }

    /** The status code as text, or {@code unknown} outside 100-599. */
    public static String status(int status) {
        return status >= 100 && status < STATUS_TEXT.length ? STATUS_TEXT[status] : "unknown";
    }

    /** The fixed {@code path} value of a request that no Jersey route and no servlet mapping names. */
    public static String unmatchedPath(int status) {
        if (status == 404) {
            return NOT_FOUND;
        }
        return status >= 300 && status < 400 ? REDIRECTION : UNMATCHED;
    }

    /**
     * Joins matched templates, given outermost first, into one route ({@code /orders/{id}}), dropping the
     * regular expressions of parameters ({@code {id: [0-9]+}} becomes {@code {id}}).
     */
    public static String route(List<String> templatesOutermostFirst) {
        StringBuilder route = new StringBuilder(64);
        for (String template : templatesOutermostFirst) {
            if (route.length() > 0 && route.charAt(route.length() - 1) != '/') {
                route.append('/');
            }
            appendTemplate(route, template);
        }
        return route.length() == 0 ? "/" : route.toString();
    }

    private static void appendTemplate(StringBuilder route, String template) {
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '/') {
                if (route.length() == 0 || route.charAt(route.length() - 1) != '/') {
                    route.append('/');
                }
                i++;
            } else if (c == '{') {
                i = appendParameter(route, template, i);
            } else {
                startWithSlash(route).append(c);
                i++;
            }
        }
        int last = route.length() - 1;
        if (last > 0 && route.charAt(last) == '/') {
            route.setLength(last);
        }
    }

    /** Appends {@code {name}} for the parameter opening at {@code open}; returns the index after its close. */
    private static int appendParameter(StringBuilder route, String template, int open) {
        startWithSlash(route).append('{');
        boolean inName = true;
        int depth = 1;
        int i = open + 1;
        for (; i < template.length() && depth > 0; i++) {
            char c = template.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ':' && depth == 1) {
                inName = false;
            } else if (inName && !Character.isWhitespace(c)) {
                route.append(c);
            }
        }
        route.append('}');
        return i;
    }

    private static StringBuilder startWithSlash(StringBuilder route) {
        return route.length() == 0 ? route.append('/') : route;
    }
}
