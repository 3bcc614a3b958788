package io.dwprom.cardinality;

import io.dwprom.lint.Family;
import io.dwprom.lint.LabelStats;
import io.dwprom.lint.Scrape;
import io.dwprom.scrape.parse.MetricType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a scrape's series are: its families ranked by series, and its (family, label) pairs by distinct values.
 *
 * @param totalSeries distinct series of the scrape
 * @param families    every family, most series first, then by name
 * @param labels      every label of every family, most distinct values first, then by family and label
 */
public record CardinalityRanking(long totalSeries, List<FamilyRow> families, List<LabelRow> labels) {
    /** One family and its distinct series. */
    public record FamilyRow(String family, MetricType type, int series) {
    }

    /** One label of one family and its distinct values. */
    public record LabelRow(String family, String label, int distinctValues) {
    }

    public CardinalityRanking {
        families = List.copyOf(families);
        labels = List.copyOf(labels);
    }

    /** Ranks the families and labels of {@code scrape}. */
    public static CardinalityRanking of(Scrape scrape) {
        List<FamilyRow> families = new ArrayList<>();
        List<LabelRow> labels = new ArrayList<>();
        for (Family f : scrape.families()) {
            families.add(new FamilyRow(f.name(), f.type(), f.seriesCount()));
            for (LabelStats l : f.labels()) {
                labels.add(new LabelRow(f.name(), l.name(), l.distinctValues()));
            }
        }
        families.sort(Comparator.comparingInt(FamilyRow::series).reversed().thenComparing(FamilyRow::family));
        labels.sort(Comparator.comparingInt(LabelRow::distinctValues).reversed()
                .thenComparing(LabelRow::family).thenComparing(LabelRow::label));
        return new CardinalityRanking(scrape.totalSeries(), families, labels);
    }
}
