package io.dwprom.churn;

import io.dwprom.churn.Churn.FamilyChurn;
import io.dwprom.churn.Churn.LabelDriver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares two snapshots of the same target or server. A label drives a family's churn when a series that came has a
 * value of it that no earlier series of the family had, or a series that left had a value that no later series has.
 * A missing label counts as the value "", as in PromQL, so a label that starts or stops being set drives churn too.
 */
public final class ChurnAnalyzer {
    /** How many new and gone values a driver lists. */
    public static final int EXAMPLES = 3;

    private ChurnAnalyzer() {
    }

    public static Churn compare(SeriesSnapshot before, SeriesSnapshot after) {
        Set<String> names = new TreeSet<>(before.families());
        names.addAll(after.families());
        List<FamilyChurn> families = new ArrayList<>();
        for (String name : names) {
            FamilyChurn change = family(name, before.series(name), after.series(name));
            if (change.appeared() + change.disappeared() > 0) {
                families.add(change);
            }
        }
        families.sort(Comparator.comparingLong((FamilyChurn f) -> -(f.appeared() + f.disappeared()))
                .thenComparing(FamilyChurn::family));
        return new Churn(before.totalSeries(), after.totalSeries(),
                families.stream().mapToLong(FamilyChurn::appeared).sum(),
                families.stream().mapToLong(FamilyChurn::disappeared).sum(), List.copyOf(families));
    }

    private static FamilyChurn family(String name, Set<Series> before, Set<Series> after) {
        List<Series> appeared = after.stream().filter(s -> !before.contains(s)).toList();
        List<Series> disappeared = before.stream().filter(s -> !after.contains(s)).toList();
        if (before.isEmpty() || after.isEmpty() || appeared.size() + disappeared.size() == 0) {
            return new FamilyChurn(name, before.size(), after.size(), appeared.size(), disappeared.size(), 0, List.of());
        }
        Set<String> labels = new TreeSet<>();
        before.forEach(s -> addLabelNames(s, labels));
        after.forEach(s -> addLabelNames(s, labels));
        Map<String, Tally> tallies = new TreeMap<>();
        labels.forEach(l -> tallies.put(l, new Tally()));
        long recombined = attribute(appeared, values(before, labels), tallies, true)
                + attribute(disappeared, values(after, labels), tallies, false);
        List<LabelDriver> drivers = new ArrayList<>();
        tallies.forEach((label, t) -> {
            if (t.appeared + t.disappeared > 0) {
                drivers.add(new LabelDriver(label, t.appeared, t.disappeared, t.newValues.size(), t.goneValues.size(),
                        examples(t.newValues), examples(t.goneValues)));
            }
        });
        drivers.sort(Comparator.comparingLong((LabelDriver d) -> -d.series()).thenComparing(LabelDriver::label));
        return new FamilyChurn(name, before.size(), after.size(), appeared.size(), disappeared.size(), recombined,
                List.copyOf(drivers));
    }

    private static void addLabelNames(Series s, Set<String> labels) {
        for (int i = 0; i < s.labelCount(); i++) {
            labels.add(s.labelName(i));
        }
    }

    /** Each label's values across {@code series} ("" where a series lacks it). */
    private static Map<String, Set<String>> values(Set<Series> series, Set<String> labels) {
        Map<String, Set<String>> values = new HashMap<>();
        for (String label : labels) {
            Set<String> set = new HashSet<>();
            series.forEach(s -> set.add(s.value(label)));
            values.put(label, set);
        }
        return values;
    }

    /**
     * Credits each churned series to every label whose value the other snapshot lacks; returns how many series no
     * label accounts for.
     */
    private static long attribute(List<Series> churned, Map<String, Set<String>> otherSide, Map<String, Tally> tallies,
                                  boolean appeared) {
        long recombined = 0;
        for (Series s : churned) {
            boolean explained = false;
            for (Map.Entry<String, Tally> e : tallies.entrySet()) {
                String value = s.value(e.getKey());
                if (!otherSide.get(e.getKey()).contains(value)) {
                    e.getValue().count(value, appeared);
                    explained = true;
                }
            }
            if (!explained) {
                recombined++;
            }
        }
        return recombined;
    }

    private static List<String> examples(TreeSet<String> values) {
        return values.stream().limit(EXAMPLES).toList();
    }

    /** Counts for one label while attributing. */
    private static final class Tally {
        long appeared;
        long disappeared;
        final TreeSet<String> newValues = new TreeSet<>();
        final TreeSet<String> goneValues = new TreeSet<>();

        void count(String value, boolean isNew) {
            if (isNew) {
                appeared++;
                newValues.add(value);
            } else {
                disappeared++;
                goneValues.add(value);
            }
        }
    }
}
