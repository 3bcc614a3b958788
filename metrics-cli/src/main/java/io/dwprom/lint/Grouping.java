package io.dwprom.lint;

/** How sample names are grouped into metric families. */
public enum Grouping {
    /**
     * Exactly as Prometheus' {@code expfmt} text parser (and so {@code promtool check metrics}) does:
     * only {@code _sum}/{@code _count}/{@code _bucket} of a previously typed summary or histogram
     * join that family; every other sample name is its own family.
     */
    PROMTOOL,
    /** Additionally understands OpenMetrics suffixes ({@code _total}, {@code _created}, {@code _info}, {@code _gcount}, ...). */
    OPENMETRICS
}
