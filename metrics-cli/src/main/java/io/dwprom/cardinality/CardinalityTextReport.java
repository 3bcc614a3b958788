package io.dwprom.cardinality;

import io.dwprom.report.Table;

import java.io.PrintWriter;

/** The {@code cardinality} report: the totals, the top families by series and the top labels by distinct values. */
public final class CardinalityTextReport {
    private final int top;

    /** @param top rows per table */
    public CardinalityTextReport(int top) {
        this.top = top;
    }

    /** Writes {@code ranking} of the scrape read from {@code source} to {@code out}. */
    public void write(String source, CardinalityRanking ranking, PrintWriter out) {
        long total = ranking.totalSeries();
        out.printf("%s: %d series in %d families%n%n", source, total, ranking.families().size());
        Table families = new Table("FAMILY", "TYPE", "SERIES", "SHARE");
        ranking.families().stream().limit(top).forEach(f -> families.row(f.family(), f.type().token(),
                Long.toString(f.series()), Table.percent(f.series(), total)));
        families.print(out);
        out.println();
        Table labels = new Table("FAMILY", "LABEL", "DISTINCT VALUES", "SHARE OF ALL SERIES");
        ranking.labels().stream().limit(top).forEach(l -> labels.row(l.family(), l.label(),
                Integer.toString(l.distinctValues()), Table.percent(l.distinctValues(), total)));
        labels.print(out);
        out.flush();
    }
}
