package io.dwprom.usage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Prometheus {@code metric_relabel_configs} acting on a usage report: one {@code drop} rule for the families no
 * query uses and, when asked, the removal of labels no query keeps, but only where the family's series stay
 * distinct (checked on the actual label sets, for all labels removed from a family together). A label removable
 * from every used family carrying it becomes a {@code labeldrop}; otherwise it is removed family by family by
 * setting it to the empty value. {@code job}, {@code instance} and {@code __*} labels are never touched:
 * Prometheus sets those itself.
 */
public final class RelabelAdvice {
    private final UsageReport report;
    private final Map<String, Set<String>> removedLabels;

    private RelabelAdvice(UsageReport report, Map<String, Set<String>> removedLabels) {
        this.report = report;
        this.removedLabels = removedLabels;
    }

    /** Advice dropping unused families only. */
    public static RelabelAdvice dropFamilies(UsageReport report) {
        return new RelabelAdvice(report, Map.of());
    }

    /** Advice also removing unused labels where no series merge; {@code inventory} holds the label sets. */
    public static RelabelAdvice dropFamiliesAndLabels(UsageReport report, SeriesInventory inventory) {
        Map<String, SeriesFamily> byName = new LinkedHashMap<>();
        inventory.families().forEach(f -> byName.put(f.name(), f));
        Map<String, Set<String>> removed = new TreeMap<>();
        for (FamilyUsage f : report.usedFamilies()) {
            SeriesFamily series = byName.get(f.name());
            Set<String> chosen = new TreeSet<>();
            for (LabelUsage l : f.unusedLabels()) {
                if (!l.droppable(f.series()) || reserved(l.name())) {
                    continue;
                }
                Set<String> candidate = new TreeSet<>(chosen);
                candidate.add(l.name());
                if (series.seriesWithout(candidate) == f.series()) {
                    chosen = candidate;
                }
            }
            if (!chosen.isEmpty()) {
                removed.put(f.name(), chosen);
            }
        }
        return new RelabelAdvice(report, removed);
    }

    private static boolean reserved(String label) {
        return label.equals("job") || label.equals("instance") || label.startsWith("__");
    }

    /** Labels removed, per family. */
    public Map<String, Set<String>> removedLabels() {
        return removedLabels;
    }

    /** The series Prometheus keeps after applying the advice: those of the used families. */
    public long seriesKept() {
        return report.usedSeries();
    }

    /** The advice as a YAML list, to be placed under a scrape config's {@code metric_relabel_configs:}. */
    public String yaml() {
        StringBuilder sb = new StringBuilder();
        List<FamilyUsage> unused = report.unusedFamilies();
        sb.append("# metric_relabel_configs from metrics-lint usage: place this list under a scrape config's\n")
                .append("# metric_relabel_configs. Series kept: ").append(seriesKept()).append(" of ")
                .append(report.totalSeries()).append(".\n");
        if (unused.isEmpty() && removedLabels.isEmpty()) {
            sb.append("[]\n");
            return sb.toString();
        }
        if (!unused.isEmpty()) {
            List<String> names = new ArrayList<>();
            unused.forEach(f -> names.addAll(f.seriesNames()));
            sb.append("# Drops ").append(unused.size()).append(" families no query uses (")
                    .append(report.unusedSeries()).append(" series).\n");
            sb.append("- source_labels: [__name__]\n  regex: ").append(quote(alternation(names)))
                    .append("\n  action: drop\n");
        }
        for (Map.Entry<String, List<String>> e : familiesByLabel().entrySet()) {
            String label = e.getKey();
            if (removableEverywhere(label)) {
                sb.append("# No query keeps \"").append(label).append("\" and removing it merges no series.\n");
                sb.append("- regex: ").append(quote(escape(label))).append("\n  action: labeldrop\n");
            } else {
                List<String> names = new ArrayList<>();
                for (String family : e.getValue()) {
                    report.families().stream().filter(f -> f.name().equals(family))
                            .forEach(f -> names.addAll(f.seriesNames()));
                }
                sb.append("# Removes \"").append(label).append("\" from ").append(String.join(", ", e.getValue()))
                        .append(", where no query keeps it and no series merge.\n");
                sb.append("- source_labels: [__name__]\n  regex: ").append(quote(alternation(names)))
                        .append("\n  target_label: ").append(label).append("\n  replacement: ''\n  action: replace\n");
            }
        }
        return sb.toString();
    }

    private Map<String, List<String>> familiesByLabel() {
        Map<String, List<String>> byLabel = new TreeMap<>();
        removedLabels.forEach((family, labels) -> labels.forEach(
                l -> byLabel.computeIfAbsent(l, k -> new ArrayList<>()).add(family)));
        return byLabel;
    }

    /** Whether every used family carrying {@code label} has it removed. */
    private boolean removableEverywhere(String label) {
        for (FamilyUsage f : report.usedFamilies()) {
            boolean carries = f.labels().stream().anyMatch(l -> l.name().equals(label));
            if (carries && !removedLabels.getOrDefault(f.name(), Set.of()).contains(label)) {
                return false;
            }
        }
        return true;
    }

    private static String alternation(List<String> names) {
        Set<String> unique = new LinkedHashSet<>(names);
        List<String> escaped = new ArrayList<>();
        unique.forEach(n -> escaped.add(escape(n)));
        return String.join("|", escaped);
    }

    /** Escapes the characters RE2 treats specially. */
    private static String escape(String literal) {
        StringBuilder sb = new StringBuilder();
        for (char c : literal.toCharArray()) {
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
