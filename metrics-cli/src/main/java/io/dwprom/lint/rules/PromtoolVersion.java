package io.dwprom.lint.rules;

import io.dwprom.scrape.parse.Dialect;

/**
 * The promtool whose {@code check metrics} the promtool-compatible output follows: its text parser and promlint's
 * rules differ between the two.
 */
public enum PromtoolVersion {
    /** Prometheus 2.42: client_golang 1.14 promlint, prometheus/common 0.39 text parser. */
    V2_42("2.42", Dialect.PROMTOOL),
    /** Prometheus 3.x (read from 3.14): client_golang 1.24.1 promlint, prometheus/common 0.70.1 text parser. */
    V3("3", Dialect.PROMTOOL_3);

    /** The version metrics-lint follows unless told otherwise. */
    public static final PromtoolVersion DEFAULT = V3;

    private final String label;
    private final Dialect dialect;

    PromtoolVersion(String label, Dialect dialect) {
        this.label = label;
        this.dialect = dialect;
    }

    /** The version named on the command line ({@code 2.42} or {@code 3}). */
    public static PromtoolVersion parse(String text) {
        for (PromtoolVersion v : values()) {
            if (v.label.equals(text)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown promtool version \"" + text + "\" (known: 2.42, 3)");
    }

    /** How this promtool reads an exposition when it lints it. */
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public String toString() {
        return label;
    }
}
