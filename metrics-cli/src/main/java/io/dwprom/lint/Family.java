package io.dwprom.lint;

import io.dwprom.scrape.LongHashSet;
import io.dwprom.scrape.parse.MetricType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the rules need to know about one metric family, gathered while streaming: metadata,
 * series hashes, per-label statistics and sanity findings. Sample values are not retained.
 */
public final class Family {
    /** How many individual histogram/summary problems are kept as examples. */
    static final int MAX_SANITY_EXAMPLES = 5;

    private final String name;
    private MetricType type = MetricType.UNTYPED;
    private boolean typeDeclared;
    private String help;
    private String unit;
    private long samples;
    private final LongHashSet series = new LongHashSet();
    private long duplicateSeries;
    private String firstDuplicate;
    private final Map<String, LabelStats> labels = new LinkedHashMap<>();
    private final String[] cachedNames = new String[16];
    private final LabelStats[] cachedStats = new LabelStats[16];
    private boolean totalSuffixSamples;
    private boolean grouped;
    private long promtoolMetrics;
    private boolean firstMetricSeen;
    private long firstMetricSignature;
    private long firstMetricPoints;
    private LongHashSet signatures;
    private LongHashSet promtoolLabelLists;
    private long promtoolNotUnique;
    private Map<Long, BucketSeries> buckets;
    private final List<String> sanityExamples = new ArrayList<>();
    private long sanityProblems;

    Family(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public MetricType type() {
        return type;
    }

    /** Whether a {@code # TYPE} line declared the type. */
    public boolean typeDeclared() {
        return typeDeclared;
    }

    /** Whether a non-empty {@code # HELP} line was seen. */
    public boolean hasHelp() {
        return help != null;
    }

    /** The OpenMetrics {@code # UNIT}, or {@code null}. */
    public String unit() {
        return unit;
    }

    public long samples() {
        return samples;
    }

    /** Distinct series (sample name plus label set). */
    public int seriesCount() {
        return series.size();
    }

    /** Hashes of the distinct series, for comparing scrapes. */
    public LongHashSet seriesHashes() {
        return series;
    }

    public long duplicateSeries() {
        return duplicateSeries;
    }

    /** The first duplicated series and its line, or {@code null}. */
    public String firstDuplicate() {
        return firstDuplicate;
    }

    public Collection<LabelStats> labels() {
        return Collections.unmodifiableCollection(labels.values());
    }

    /** Whether samples were named {@code <family>_total} (an OpenMetrics counter). */
    public boolean hasTotalSuffixSamples() {
        return totalSuffixSamples;
    }

    /** Up to {@value #MAX_SANITY_EXAMPLES} histogram/summary sanity problems. */
    public List<String> sanityExamples() {
        return Collections.unmodifiableList(sanityExamples);
    }

    public long sanityProblems() {
        return sanityProblems;
    }

    void declareType(MetricType declared) {
        type = declared;
        typeDeclared = true;
    }

    void help(String text) {
        help = text;
    }

    void unit(String declared) {
        unit = declared;
    }

    void countSample() {
        samples++;
    }

    void markTotalSuffix() {
        totalSuffixSamples = true;
    }

    boolean addSeries(long hash) {
        return series.add(hash);
    }

    void duplicate(String example) {
        if (duplicateSeries++ == 0) {
            firstDuplicate = example;
        }
    }

    /**
     * The stats of the label at {@code position} of the current sample; consecutive samples usually
     * repeat the same (identical) name strings, so a positional cache avoids most map lookups.
     */
    LabelStats label(int position, String labelName) {
        if (position < cachedNames.length && cachedNames[position] == labelName) {
            return cachedStats[position];
        }
        LabelStats stats = label(labelName);
        if (position < cachedNames.length) {
            cachedNames[position] = labelName;
            cachedStats[position] = stats;
        }
        return stats;
    }

    private LabelStats label(String labelName) {
        LabelStats stats = labels.get(labelName);
        if (stats == null) {
            stats = new LabelStats(labelName);
            labels.put(labelName, stats);
        }
        return stats;
    }

    /** For histograms/summaries: records a label set (without le/quantile); true if new. */
    /**
     * Counts a summary's or histogram's sample line into the metrics expfmt groups it in (one per label set without
     * {@code quantile}/{@code le}); returns whether the line belongs to the family's first metric.
     */
    boolean promtoolMetric(long signature, boolean isNew) {
        grouped = true;
        if (isNew) {
            promtoolMetrics++;
        }
        if (!firstMetricSeen) {
            firstMetricSeen = true;
            firstMetricSignature = signature;
        }
        return signature == firstMetricSignature;
    }

    /** A quantile or bucket of the family's first metric. */
    void countFirstMetricPoint() {
        firstMetricPoints++;
    }

    /**
     * The family's cardinality as {@code promtool check metrics --extended} computes it: for a summary or histogram
     * its metrics (label sets without {@code quantile}/{@code le}) times two plus the quantiles or buckets of the first
     * one; for a gauge histogram read with its buckets (promtool 3.x) its metrics; for any other type its sample lines,
     * repeated ones included.
     */
    public long promtoolCardinality() {
        if (!grouped) {
            return samples;
        }
        return type == MetricType.GAUGE_HISTOGRAM ? promtoolMetrics : promtoolMetrics * (2 + firstMetricPoints);
    }

    /** Records the label list (names and values in their order) of a sample line that is a metric of its own. */
    void promtoolLabelList(long orderedHash) {
        if (promtoolLabelLists == null) {
            promtoolLabelLists = new LongHashSet();
        }
        if (!promtoolLabelLists.add(orderedHash)) {
            promtoolNotUnique++;
        }
    }

    /**
     * As promtool 3.x's {@code metric not unique}: how many of the family's metrics have the same label list, in the
     * same order, as a later one (for a counter, gauge or untyped family, one metric per sample line).
     */
    public long promtoolNotUnique() {
        return promtoolNotUnique;
    }

    boolean addSignature(long hash) {
        if (signatures == null) {
            signatures = new LongHashSet();
        }
        return signatures.add(hash);
    }

    BucketSeries bucketSeries(long signature, long line) {
        if (buckets == null) {
            buckets = new LinkedHashMap<>();
        }
        BucketSeries series = buckets.get(signature);
        if (series == null) {
            series = new BucketSeries(line);
            buckets.put(signature, series);
        }
        return series;
    }

    void sanityProblem(String problem) {
        if (problem == null) {
            return;
        }
        if (sanityProblems++ < MAX_SANITY_EXAMPLES) {
            sanityExamples.add(problem);
        }
    }

    /** Runs the end-of-scrape histogram checks and releases their state. */
    void finish() {
        if (buckets != null) {
            for (BucketSeries series : buckets.values()) { // in the order of their first lines
                sanityProblem(series.finish());
            }
            buckets = null;
        }
        signatures = null;
        promtoolLabelLists = null;
    }
}
