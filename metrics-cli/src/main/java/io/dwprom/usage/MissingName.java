package io.dwprom.usage;

/**
 * A name a query selects that the series judged do not have: a family ({@code label} is {@code null}), or a label
 * named in a matcher of a selector whose family lacks it. {@code selector} is the selector as written (after Grafana
 * variables are replaced), {@code line}/{@code column} where it starts in the query (1-based).
 */
public record MissingName(QueryOrigin origin, int line, int column, String selector, String family, String label)
        implements Comparable<MissingName> {

    /** Whether a label of a present family is missing, rather than a family. */
    public boolean isLabel() {
        return label != null;
    }

    @Override
    public int compareTo(MissingName o) {
        int c = origin.compareTo(o.origin);
        c = c != 0 ? c : Integer.compare(line, o.line);
        c = c != 0 ? c : Integer.compare(column, o.column);
        c = c != 0 ? c : family.compareTo(o.family);
        return c != 0 ? c : String.valueOf(label).compareTo(String.valueOf(o.label));
    }

    /**
     * E.g. {@code rules.yml: record job:x:rate5m (query 1:6): family http_requests_totl, selected by ...}, or for a
     * selector without a metric name {@code ...: no family, selected by {__name__=~"nope_.*"}}.
     */
    @Override
    public String toString() {
        String what = label != null ? "label " + label + " of family " + family
                : family.equals(selector) && selector.startsWith("{") ? "no family" : "family " + family;
        return origin + " (query " + line + ":" + column + "): " + what + ", selected by " + selector;
    }
}
