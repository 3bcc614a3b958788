package io.dwprom.lint.parse;

/** How an exposition is read: its syntax, and how sample names are grouped into metric families. */
public enum Dialect {
    /**
     * Exactly as {@code promtool check metrics} reads it: Prometheus' text format 0.0.4 parser (expfmt). Only the
     * client_model type names, matched case-insensitively, including {@code gauge_histogram}; OpenMetrics-only lines
     * ({@code # EOF}, {@code # UNIT}) are comments; no exemplars; integer timestamps; no blank after the last token;
     * a carriage return is part of the line. Only {@code _sum}/{@code _count}/{@code _bucket} of a previously typed
     * summary or histogram join that family, for samples and HELP/TYPE lines alike; every other name is its own family.
     */
    PROMTOOL,
    /**
     * OpenMetrics 1.0 and the text format 0.0.4, read strictly as OpenMetrics where they differ (nothing after
     * {@code # EOF}, exemplars, {@code # UNIT}, its type names); additionally groups OpenMetrics suffixes
     * ({@code _total}, {@code _created}, {@code _info}, {@code _gcount}, ...).
     */
    OPENMETRICS
}
