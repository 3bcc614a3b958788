package io.dwprom.lint;

import io.dwprom.scrape.LongHashSet;

/** What the analysis keeps about one label of one family: value hashes and counters, never the values. */
public final class LabelStats {
    private final String name;
    private final LongHashSet values = new LongHashSet();
    private long promtoolMetrics;
    private String unboundedKind;
    private String unboundedExample;

    LabelStats(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Number of distinct values seen. */
    public int distinctValues() {
        return values.size();
    }

    /**
     * Number of metrics carrying this label as promtool counts them (one per sample line, but one
     * per label set excluding {@code le}/{@code quantile} for histograms and summaries).
     */
    public long promtoolMetrics() {
        return promtoolMetrics;
    }

    /** The kind of unbounded-looking value seen (e.g. "UUID"), or {@code null}. */
    public String unboundedKind() {
        return unboundedKind;
    }

    public String unboundedExample() {
        return unboundedExample;
    }

    /** Records a value; returns true when it is new. */
    boolean addValue(long hash) {
        return values.add(hash);
    }

    void countPromtoolMetric() {
        promtoolMetrics++;
    }

    void markUnbounded(String kind, String example) {
        unboundedKind = kind;
        unboundedExample = example;
    }
}
