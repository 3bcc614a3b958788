package io.dwprom.usage;

import io.dwprom.scrape.LongHashSet;
import io.dwprom.scrape.parse.Hash64;
import io.dwprom.promql.LabelMatcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The distinct series of one metric family: the sample names it was exposed under ({@code foo_bucket},
 * {@code foo_sum}, ...) and each series' label set, kept column by column as 64-bit value hashes (0 where a
 * series lacks the label; an empty value counts as missing, as in Prometheus).
 */
public final class SeriesFamily {
    private static final int NAME_COLUMN = 0;

    private final String name;
    private final Set<String> seriesNames = new LinkedHashSet<>();
    private final List<String> labelNames = new ArrayList<>();
    private long[] labelNameHashes = new long[1];
    private long[][] columns = new long[1][16];
    /** Per series, the sum of its (label, value) pair hashes: removing a label subtracts its pair. */
    private long[] pairSums = new long[16];
    private int rows;
    private String lastSeriesName;
    private final LongHashSet seriesHashes = new LongHashSet();

    SeriesFamily(String name) {
        this.name = name;
        labelNames.add(LabelMatcher.METRIC_NAME);
        labelNameHashes[0] = Hash64.string(LabelMatcher.METRIC_NAME);
    }

    /** The family name (for histograms and summaries the name without {@code _bucket}/{@code _sum}/{@code _count}). */
    public String name() {
        return name;
    }

    /** The names the family's samples carry, in order of appearance. */
    public Set<String> seriesNames() {
        return Collections.unmodifiableSet(seriesNames);
    }

    /** Distinct series (sample name plus label set). */
    public int seriesCount() {
        return rows;
    }

    /** The label names any series of the family carries, in order of appearance, without {@code __name__}. */
    public List<String> labelNames() {
        return Collections.unmodifiableList(labelNames.subList(1, labelNames.size()));
    }

    /** The number of distinct series left if {@code label} were removed from every series (aggregated away). */
    public int seriesWithout(String label) {
        return seriesWithout(Set.of(label));
    }

    /** The number of distinct series left if all of {@code labels} were removed from every series. */
    public int seriesWithout(Set<String> labels) {
        int[] skip = new int[columns.length];
        int skipped = 0;
        for (int c = 1; c < columns.length; c++) {
            if (labels.contains(labelNames.get(c))) {
                skip[skipped++] = c;
            }
        }
        if (skipped == 0) {
            return rows;
        }
        LongHashSet remaining = new LongHashSet(rows);
        for (int row = 0; row < rows; row++) {
            long h = pairSums[row];
            for (int i = 0; i < skipped; i++) {
                long v = columns[skip[i]][row];
                if (v != 0) {
                    h -= Hash64.pair(labelNameHashes[skip[i]], v);
                }
            }
            remaining.add(Hash64.mix(h));
        }
        return remaining.size();
    }

    /** Distinct non-empty values of {@code label} (0 for a label the family does not have). */
    public int distinctValues(String label) {
        int c = labelNames.indexOf(label);
        if (c <= NAME_COLUMN) {
            return 0;
        }
        LongHashSet values = new LongHashSet(Math.min(rows, 1024));
        for (int row = 0; row < rows; row++) {
            if (columns[c][row] != 0) {
                values.add(columns[c][row]);
            }
        }
        return values.size();
    }

    /** The column of {@code label}, added (empty for earlier series) on first use. */
    int column(String label, long labelHash) {
        int c = labelNames.indexOf(label);
        if (c >= 0) {
            return c;
        }
        labelNames.add(label);
        labelNameHashes = Arrays.copyOf(labelNameHashes, labelNameHashes.length + 1);
        labelNameHashes[labelNameHashes.length - 1] = labelHash;
        columns = Arrays.copyOf(columns, columns.length + 1);
        columns[columns.length - 1] = new long[columns[0].length];
        return columns.length - 1;
    }

    /** Columns so far, the series name's included. */
    int columnCount() {
        return columns.length;
    }

    long columnHash(int column) {
        return labelNameHashes[column];
    }

    /**
     * Adds the series whose value hashes {@code values[c]} stand for column {@code c} (0 for none) and whose hash
     * is {@code seriesHash}; a series seen before is not added again. Returns whether it was new.
     */
    boolean add(String seriesName, long[] values, int valueCount, long seriesHash) {
        if (!seriesHashes.add(seriesHash)) {
            return false;
        }
        if (seriesName != lastSeriesName) {
            seriesNames.add(seriesName);
            lastSeriesName = seriesName;
        }
        if (rows == columns[0].length) {
            for (int c = 0; c < columns.length; c++) {
                columns[c] = Arrays.copyOf(columns[c], rows * 2);
            }
            pairSums = Arrays.copyOf(pairSums, rows * 2);
        }
        long sum = 0;
        for (int c = 0; c < columns.length; c++) {
            long v = c < valueCount ? values[c] : 0;
            columns[c][rows] = v;
            if (v != 0) {
                sum += Hash64.pair(labelNameHashes[c], v);
            }
        }
        pairSums[rows] = sum;
        rows++;
        return true;
    }
}
