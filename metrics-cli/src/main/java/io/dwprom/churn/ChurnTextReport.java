package io.dwprom.churn;

import io.dwprom.churn.Churn.FamilyChurn;
import io.dwprom.report.Table;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The churn report for people: totals, where the snapshots came from, a family table and a driver table. */
public final class ChurnTextReport {
    private final int top;

    /** @param top families to list, and drivers per family */
    public ChurnTextReport(int top) {
        this.top = top;
    }

    /** @param context where the snapshots came from and how, printed as "key: value" lines */
    public void write(Churn churn, Map<String, String> context, PrintWriter out) {
        out.printf(Locale.ROOT, "churn: %d -> %d series, %d appeared, %d disappeared, churn rate %s (%s)%n",
                churn.seriesBefore(), churn.seriesAfter(), churn.appeared(), churn.disappeared(),
                percent(churn.ratePercent()), Churn.RATE_DEFINITION);
        context.forEach((k, v) -> out.println(k + ": " + v));
        List<FamilyChurn> shown = churn.families().stream().limit(top).toList();
        if (!shown.isEmpty()) {
            out.println();
            Table families = new Table("FAMILY", "BEFORE", "AFTER", "APPEARED", "DISAPPEARED", "CHURN");
            shown.forEach(f -> families.row(f.family(), Long.toString(f.before()), Long.toString(f.after()),
                    Long.toString(f.appeared()), Long.toString(f.disappeared()), rate(f)));
            families.print(out);
            out.println();
            out.println("labels driving churn (series that came with a value no earlier series had, or left with one no later series has):");
            Table drivers = new Table("FAMILY", "LABEL", "SERIES", "APPEARED", "DISAPPEARED", "NEW VALUES", "GONE VALUES");
            shown.forEach(f -> driverRows(f, drivers));
            drivers.print(out);
        }
        out.flush();
    }

    private void driverRows(FamilyChurn f, Table table) {
        if (f.isNew() || f.isGone()) {
            table.row(f.family(), f.isNew() ? "(new family)" : "(gone family)", Long.toString(f.appeared() + f.disappeared()),
                    Long.toString(f.appeared()), Long.toString(f.disappeared()), "", "");
            return;
        }
        f.drivers().stream().limit(top).forEach(d -> table.row(f.family(), d.label(), Long.toString(d.series()),
                Long.toString(d.appeared()), Long.toString(d.disappeared()), values(d.newValues(), d.newExamples()),
                values(d.goneValues(), d.goneExamples())));
        if (f.recombined() > 0) {
            table.row(f.family(), "(known values recombined)", Long.toString(f.recombined()), "", "", "", "");
        }
    }

    private static String rate(FamilyChurn f) {
        return f.isNew() ? "new family" : f.isGone() ? "gone family" : percent(f.ratePercent());
    }

    /** "3: a, b, c, ..." with "" shown as (absent). */
    private static String values(int count, List<String> examples) {
        if (count == 0) {
            return "0";
        }
        List<String> shown = new ArrayList<>();
        examples.forEach(v -> shown.add(v.isEmpty() ? "(absent)" : v));
        return count + ": " + String.join(", ", shown) + (count > examples.size() ? ", ..." : "");
    }

    /** A churn rate as the report prints it ({@code inf%} for series where there were none). */
    public static String percent(double p) {
        return Double.isInfinite(p) ? "inf%" : String.format(Locale.ROOT, "%.1f%%", p);
    }
}
