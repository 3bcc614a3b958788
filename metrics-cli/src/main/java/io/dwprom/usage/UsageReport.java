package io.dwprom.usage;

import java.util.Comparator;
import java.util.List;

/**
 * The outcome of {@link UsageAnalyzer}: every family's usage, the totals, what could not be read, and the families and
 * labels queries select that the series do not have ({@code missing}, in file, place and position order).
 */
public record UsageReport(List<FamilyUsage> families, int queries, List<InputProblem> problems,
                          List<QueryOrigin> unreadRecordingRules, List<MissingName> missing) {
    public UsageReport {
        families = List.copyOf(families);
        problems = List.copyOf(problems);
        unreadRecordingRules = List.copyOf(unreadRecordingRules);
        missing = List.copyOf(missing);
    }

    public UsageReport(List<FamilyUsage> families, int queries, List<InputProblem> problems,
                       List<QueryOrigin> unreadRecordingRules) {
        this(families, queries, problems, unreadRecordingRules, List.of());
    }

    public long totalSeries() {
        return families.stream().mapToLong(FamilyUsage::series).sum();
    }

    public long usedSeries() {
        return families.stream().filter(FamilyUsage::used).mapToLong(FamilyUsage::series).sum();
    }

    public long unusedSeries() {
        return totalSeries() - usedSeries();
    }

    /** Unused series as a percentage of all series (0 without series). */
    public double unusedShare() {
        long total = totalSeries();
        return total == 0 ? 0 : 100.0 * unusedSeries() / total;
    }

    /** Families no query uses, most series first. */
    public List<FamilyUsage> unusedFamilies() {
        return families.stream().filter(f -> !f.used())
                .sorted(Comparator.comparingInt(FamilyUsage::series).reversed().thenComparing(FamilyUsage::name))
                .toList();
    }

    /** Families some query uses, by name. */
    public List<FamilyUsage> usedFamilies() {
        return families.stream().filter(FamilyUsage::used).toList();
    }

    /** A label no query keeps on a used family. */
    public record UnusedLabel(FamilyUsage family, LabelUsage label) {
        /** Series saved by aggregating the label away. */
        public int saved() {
            return family.series() - label.seriesIfAggregated();
        }
    }

    /** Labels no query keeps on used families, those saving the most series first. */
    public List<UnusedLabel> unusedLabels() {
        return families.stream().flatMap(f -> f.unusedLabels().stream().map(l -> new UnusedLabel(f, l)))
                .sorted(Comparator.comparingInt(UnusedLabel::saved).reversed()
                        .thenComparing(u -> u.family().name()).thenComparing(u -> u.label().name()))
                .toList();
    }
}
