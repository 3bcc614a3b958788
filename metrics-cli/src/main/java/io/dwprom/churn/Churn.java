package io.dwprom.churn;

import java.util.List;

/**
 * Series that appeared and disappeared between two snapshots.
 *
 * <p>The churn rate is {@code 100 * (appeared + disappeared) / series before}: the share of the earlier series that
 * had to be replaced or added. It is infinite when series appear where there were none, and 0 when nothing changed.
 *
 * @param seriesBefore series in the earlier snapshot
 * @param seriesAfter  series in the later snapshot
 * @param appeared     series in the later snapshot only
 * @param disappeared  series in the earlier snapshot only
 * @param families     families with churn, most churned series first
 */
public record Churn(long seriesBefore, long seriesAfter, long appeared, long disappeared, List<FamilyChurn> families) {
    /** How the rate is computed, for reports. */
    public static final String RATE_DEFINITION = "(appeared + disappeared) / series before";

    public double ratePercent() {
        return rate(appeared + disappeared, seriesBefore);
    }

    static double rate(long churned, long before) {
        if (before == 0) {
            return churned == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return 100.0 * churned / before;
    }

    /**
     * One family's churn and the labels driving it.
     *
     * @param recombined churned series none of whose label values is new or gone: a new combination of values the
     *                   family already had on other series (or had left on other series)
     * @param drivers    labels with new or gone values, most churned series accounted for first; empty for a family
     *                   that is wholly new or wholly gone
     */
    public record FamilyChurn(String family, long before, long after, long appeared, long disappeared, long recombined,
                              List<LabelDriver> drivers) {
        public double ratePercent() {
            return rate(appeared + disappeared, before);
        }

        public boolean isNew() {
            return before == 0;
        }

        public boolean isGone() {
            return after == 0;
        }
    }

    /**
     * A label whose values changed between the series that left and those that came.
     *
     * @param label       the label name
     * @param appeared    appeared series whose value of the label no earlier series of the family had
     * @param disappeared disappeared series whose value of the label no later series of the family has
     * @param newValues   distinct values only the later snapshot has ("" stands for: label absent)
     * @param goneValues  distinct values only the earlier snapshot had
     * @param newExamples up to {@value ChurnAnalyzer#EXAMPLES} new values, sorted
     * @param goneExamples up to {@value ChurnAnalyzer#EXAMPLES} gone values, sorted
     */
    public record LabelDriver(String label, long appeared, long disappeared, int newValues, int goneValues,
                              List<String> newExamples, List<String> goneExamples) {
        /** Churned series this label accounts for. */
        public long series() {
            return appeared + disappeared;
        }
    }
}
