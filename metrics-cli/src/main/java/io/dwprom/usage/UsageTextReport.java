package io.dwprom.usage;

import io.dwprom.report.Table;
import io.dwprom.usage.UsageReport.UnusedLabel;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * The usage report for people: totals, unused families, unused labels, recording rules nothing reads, queried names
 * the series do not have.
 */
public final class UsageTextReport {
    private final int top;

    /** @param top rows per table, 0 for all */
    public UsageTextReport(int top) {
        this.top = top;
    }

    /** @param notes where the series came from and how (for a server), printed as "key: value" lines */
    public void write(UsageReport r, String source, Map<String, String> notes, PrintWriter out) {
        long total = r.totalSeries();
        List<FamilyUsage> unused = r.unusedFamilies();
        out.printf("%s: %d series in %d families, judged against %d queries%n", source, total, r.families().size(),
                r.queries());
        notes.forEach((k, v) -> out.println(k + ": " + v));
        out.printf("in use: %d series (%s) in %d families%n", r.usedSeries(), Table.percent(r.usedSeries(), total),
                r.usedFamilies().size());
        out.printf("unused: %d series (%s) in %d families%n", r.unusedSeries(), Table.percent(r.unusedSeries(), total),
                unused.size());
        if (!unused.isEmpty()) {
            out.println();
            Table t = new Table("UNUSED FAMILY", "SERIES", "SHARE");
            limit(unused).forEach(f -> t.row(f.name(), Integer.toString(f.series()), Table.percent(f.series(), total)));
            t.print(out);
            more(out, unused.size());
        }
        List<UnusedLabel> labels = r.unusedLabels();
        if (!labels.isEmpty()) {
            out.println();
            Table t = new Table("USED FAMILY", "UNUSED LABEL", "VALUES", "SERIES", "IF AGGREGATED AWAY");
            limit(labels).forEach(u -> t.row(u.family().name(), u.label().name(),
                    Integer.toString(u.label().distinctValues()), Integer.toString(u.family().series()),
                    Integer.toString(u.label().seriesIfAggregated())));
            t.print(out);
            more(out, labels.size());
        }
        if (!r.unreadRecordingRules().isEmpty()) {
            out.println();
            out.println("Recording rules no given query reads (counted as read in full):");
            for (QueryOrigin o : r.unreadRecordingRules()) {
                out.println("  " + o);
            }
        }
        if (!r.missing().isEmpty()) {
            out.println();
            out.println("Queried but missing from the series (" + r.missing().size() + "):");
            for (MissingName m : r.missing()) {
                out.println("  " + m);
            }
        }
        if (!r.problems().isEmpty()) {
            out.println();
            out.println(r.problems().size() + " input problem(s), reported on stderr; their queries were skipped.");
        }
    }

    private <T> List<T> limit(List<T> rows) {
        return top > 0 && rows.size() > top ? rows.subList(0, top) : rows;
    }

    private void more(PrintWriter out, int rows) {
        if (top > 0 && rows > top) {
            out.println("... " + (rows - top) + " more (--top 0 shows all)");
        }
    }
}
