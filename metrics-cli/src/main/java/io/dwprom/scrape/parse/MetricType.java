package io.dwprom.scrape.parse;

import java.util.Locale;

/** Metric types of the Prometheus text format 0.0.4 and OpenMetrics 1.0. */
public enum MetricType {
    COUNTER, GAUGE, HISTOGRAM, GAUGEHISTOGRAM, SUMMARY, INFO, STATESET, UNKNOWN, UNTYPED,
    /**
     * client_model's {@code GAUGE_HISTOGRAM}, as promtool's text parser reads it: in 2.42 a type name it accepts whose
     * samples it treats like a gauge's (no buckets, no family suffixes); in 3.x read like a histogram.
     */
    GAUGE_HISTOGRAM;

    /** Returns the type named by an OpenMetrics or text 0.0.4 {@code # TYPE} token, or {@code null} if unknown. */
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

    /**
     * Returns the type promtool's text parser reads from the whole rest of a {@code # TYPE} line, or {@code null}:
     * client_model's names, compared after Unicode upper-casing of each character (as Go's strings.ToUpper does).
     */
    public static MetricType fromPromtoolToken(String rest) {
        switch (rest) { // the spellings nearly every exposition uses, without upper-casing code point by code point
            case "counter": return COUNTER;
            case "gauge": return GAUGE;
            case "summary": return SUMMARY;
            case "untyped": return UNTYPED;
            case "histogram": return HISTOGRAM;
            default: break;
        }
        switch (goUpperCase(rest)) {
            case "COUNTER": return COUNTER;
            case "GAUGE": return GAUGE;
            case "SUMMARY": return SUMMARY;
            case "UNTYPED": return UNTYPED;
            case "HISTOGRAM": return HISTOGRAM;
            case "GAUGE_HISTOGRAM": return GAUGE_HISTOGRAM;
            default: return null;
        }
    }

    /**
     * As {@link #fromPromtoolToken(String)} for promtool 3.x, whose parser also reads OpenMetrics' {@code gaugehistogram}
     * (in any case) as client_model's gauge histogram.
     */
    public static MetricType fromPromtool3Token(String rest) {
        MetricType type = fromPromtoolToken(rest);
        return type == null && goUpperCase(rest).equals("GAUGEHISTOGRAM") ? GAUGE_HISTOGRAM : type;
    }

    /** Each code point upper-cased on its own, as Go's strings.ToUpper does. */
    private static String goUpperCase(String s) {
        StringBuilder upper = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            upper.appendCodePoint(Character.toUpperCase(c));
            i += Character.charCount(c);
        }
        return upper.toString();
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
