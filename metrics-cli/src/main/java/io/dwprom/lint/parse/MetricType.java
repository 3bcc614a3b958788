package io.dwprom.lint.parse;

import java.util.Locale;

/** Metric types of the Prometheus text format 0.0.4 and OpenMetrics 1.0. */
public enum MetricType {
    COUNTER, GAUGE, HISTOGRAM, GAUGEHISTOGRAM, SUMMARY, INFO, STATESET, UNKNOWN, UNTYPED;

    /** Returns the type named by a {@code # TYPE} token, or {@code null} if unknown. */
    public static MetricType fromToken(String token) {
        switch (token.toLowerCase(Locale.ROOT)) {
            case "counter": return COUNTER;
            case "gauge": return GAUGE;
            case "histogram": return HISTOGRAM;
            case "gaugehistogram": return GAUGEHISTOGRAM;
            case "summary": return SUMMARY;
            case "info": return INFO;
            case "stateset": return STATESET;
            case "unknown": return UNKNOWN;
            case "untyped": return UNTYPED;
            default: return null;
        }
    }

    /** True for types without a declared meaning ({@code untyped}/{@code unknown}). */
    public boolean isUntyped() {
        return this == UNTYPED || this == UNKNOWN;
    }

    /** True for the types whose samples carry {@code le} buckets (histogram, gaugehistogram). */
    public boolean isHistogram() {
        return this == HISTOGRAM || this == GAUGEHISTOGRAM;
    }

    /** The lower-case token used in {@code # TYPE} lines. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }
}
