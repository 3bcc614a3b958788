package io.dwprom.usage;

import java.util.Map;

/**
 * Replaces Grafana's template variables in a query so that it parses as PromQL, as mimirtool's analyze does:
 * the interval variables become durations ({@code $__rate_interval} 15s, {@code $__interval} 5m,
 * {@code $__range} 1d), any variable inside a range becomes a duration ({@code [$w]} is {@code [5m]},
 * {@code [$w:$s]} is {@code [5m:1m]}), a variable inside a string becomes {@code .*} (so
 * {@code {job=~"$job"}} keeps its label, and {@code {__name__=~"$metric"}} selects every family it might),
 * and elsewhere a variable becomes its bare name. Handles {@code $var}, {@code ${var}},
 * {@code ${var:format}} and {@code [[var]]}; a scanner, not regular expressions.
 */
final class GrafanaVariables {
    private static final Map<String, String> BUILT_IN = Map.ofEntries(
            Map.entry("__interval", "5m"), Map.entry("interval", "5m"), Map.entry("__rate_interval", "15s"),
            Map.entry("rate_interval", "15s"), Map.entry("resolution", "5s"), Map.entry("__range", "1d"),
            Map.entry("__range_s", "86400"), Map.entry("__range_ms", "86400000"),
            Map.entry("__interval_ms", "300000"));

    private GrafanaVariables() {
    }

    static String substitute(String query) {
        if (query.indexOf('$') < 0 && !query.contains("[[")) {
            return query;
        }
        StringBuilder out = new StringBuilder(query.length());
        char quote = 0;
        boolean inRange = false;
        boolean afterColon = false;
        int i = 0;
        while (i < query.length()) {
            char c = query.charAt(i);
            Variable v = quote == '`' ? null : variableAt(query, i);
            if (v != null) {
                out.append(replacement(v.name, quote != 0, inRange, afterColon));
                i = v.end;
                continue;
            }
            if (quote != 0) {
                if (c == '\\' && quote != '`' && i + 1 < query.length()) {
                    out.append(c).append(query.charAt(i + 1));
                    i += 2;
                    continue;
                }
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            } else if (c == '[') {
                inRange = true;
                afterColon = false;
            } else if (c == ']') {
                inRange = false;
            } else if (c == ':' && inRange) {
                afterColon = true;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static String replacement(String name, boolean inString, boolean inRange, boolean afterColon) {
        String builtIn = BUILT_IN.get(name);
        if (inString) {
            return builtIn != null ? builtIn : ".*";
        }
        if (builtIn != null) {
            return builtIn;
        }
        return inRange ? (afterColon ? "1m" : "5m") : name;
    }

    private record Variable(String name, int end) {
    }

    /** The variable starting at {@code i}, or {@code null}. */
    private static Variable variableAt(String q, int i) {
        if (q.startsWith("[[", i)) {
            int close = q.indexOf("]]", i + 2);
            String name = close < 0 ? "" : nameOf(q.substring(i + 2, close));
            return isName(name) ? new Variable(name, close + 2) : null;
        }
        if (q.charAt(i) != '$' || i + 1 >= q.length()) {
            return null;
        }
        if (q.charAt(i + 1) == '{') {
            int close = q.indexOf('}', i + 2);
            String name = close < 0 ? "" : nameOf(q.substring(i + 2, close));
            return isName(name) ? new Variable(name, close + 1) : null;
        }
        int end = i + 1;
        while (end < q.length() && isNameChar(q.charAt(end))) {
            end++;
        }
        return end > i + 1 ? new Variable(q.substring(i + 1, end), end) : null;
    }

    /** {@code var:format} and {@code var.field} name {@code var}. */
    private static String nameOf(String inside) {
        int end = 0;
        while (end < inside.length() && isNameChar(inside.charAt(end))) {
            end++;
        }
        return end == inside.length() || inside.charAt(end) == ':' || inside.charAt(end) == '.'
                ? inside.substring(0, end) : "";
    }

    private static boolean isName(String s) {
        return !s.isEmpty();
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
