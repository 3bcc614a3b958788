package io.dwprom.scrape.parse;

/** How an exposition is read: its syntax, and how sample names are grouped into metric families. */
public enum Dialect {
    /**
     * Exactly as {@code promtool check metrics} 2.42 reads it: Prometheus' text format 0.0.4 parser (expfmt). Only the
     * client_model type names, matched case-insensitively, including {@code gauge_histogram}; OpenMetrics-only lines
     * ({@code # EOF}, {@code # UNIT}) are comments; no exemplars; integer timestamps; no blank after the last token;
     * a carriage return is part of the line. Only {@code _sum}/{@code _count}/{@code _bucket} of a previously typed
     * summary or histogram join that family, for samples and HELP/TYPE lines alike; every other name is its own family.
     */
    PROMTOOL,
    /**
     * Exactly as {@code promtool check metrics} 3.x lints it: promlint's text parser (prometheus/common 0.70 expfmt)
     * with legacy name validation. As {@link #PROMTOOL}, and also: quoted metric and label names
     * ({@code {"name", "label"="v"}}, {@code # HELP "name" ...}) that must still be legacy names, {@code \"} in HELP,
     * {@code gaugehistogram} as a type name and gauge histograms read with their buckets, negative histogram counts
     * refused.
     */
    PROMTOOL_3,
    /** As {@link #PROMTOOL_3}, with UTF-8 names: how {@code promtool check metrics --extended --lint=none} 3.x reads. */
    PROMTOOL_3_UTF8,
    /**
     * OpenMetrics 1.0 and the text format 0.0.4, read strictly as OpenMetrics where they differ (nothing after
     * {@code # EOF}, exemplars, {@code # UNIT}, its type names); additionally groups OpenMetrics suffixes
     * ({@code _total}, {@code _created}, {@code _info}, {@code _gcount}, ...) and reads quoted UTF-8 names.
     */
    OPENMETRICS;

    /** Whether this is one of promtool's grammars rather than OpenMetrics'. */
    public boolean isPromtool() {
        return this != OPENMETRICS;
    }

    /** Whether this is promtool 3.x's grammar. */
    public boolean isPromtool3() {
        return this == PROMTOOL_3 || this == PROMTOOL_3_UTF8;
    }
}
