package io.dwprom.usage;

/**
 * One label of a family: whether any query keeps it, its distinct values, and for a label no query keeps on
 * a used family the number of series the family would have with the label aggregated away ({@code -1}
 * otherwise). {@link #droppable(int)} says whether removing it merges no series.
 */
public record LabelUsage(String name, boolean kept, int distinctValues, int seriesIfAggregated) {
    /** Whether the label can be removed from the family without two series becoming one. */
    public boolean droppable(int familySeries) {
        return !kept && seriesIfAggregated == familySeries;
    }
}
