package io.dwprom.diff;

import io.dwprom.diff.ScrapeDiff.FamilyChange;
import io.dwprom.report.Table;

import java.io.PrintWriter;
import java.util.Locale;

/** The {@code diff} report: series before and after, added and removed, and a table of the changed families. */
public final class DiffTextReport {
    private final int top;

    /** @param top changed families to list */
    public DiffTextReport(int top) {
        this.top = top;
    }

    /** Writes {@code diff} to {@code out}. */
    public void write(ScrapeDiff diff, PrintWriter out) {
        out.printf(Locale.ROOT, "series: %d -> %d (%s), %d added, %d removed%n", diff.seriesBefore(), diff.seriesAfter(),
                growth(diff.growthPercent()), diff.seriesAdded(), diff.seriesRemoved());
        if (!diff.changes().isEmpty()) {
            out.println();
            Table table = new Table("FAMILY", "BEFORE", "AFTER", "ADDED", "REMOVED", "CHANGE");
            diff.changes().stream().limit(top).forEach(c -> table.row(c.family(), Long.toString(c.before()),
                    Long.toString(c.after()), Long.toString(c.added()), Long.toString(c.removed()), change(c)));
            table.print(out);
        }
        out.flush();
    }

    /** A growth in percent as the report prints it: {@code +12.5%}, {@code -3.0%}, {@code +inf%} from nothing. */
    public static String growth(double percent) {
        return Double.isInfinite(percent) ? "+inf%" : String.format(Locale.ROOT, "%+.1f%%", percent);
    }

    private static String change(FamilyChange c) {
        if (c.isNew()) {
            return "new family";
        }
        if (c.isGone()) {
            return "removed family";
        }
        return growth(100.0 * (c.after() - c.before()) / c.before());
    }
}
