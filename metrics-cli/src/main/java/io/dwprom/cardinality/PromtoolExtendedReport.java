package io.dwprom.cardinality;

import io.dwprom.lint.Family;
import io.dwprom.lint.Scrape;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The cardinality table of {@code promtool check metrics --extended}, exactly as promtool prints it. */
public final class PromtoolExtendedReport {
    private PromtoolExtendedReport() {
    }

    /**
     * Writes promtool's table for {@code scrape}: {@code Metric}, {@code Cardinality} (see
     * {@link Family#promtoolCardinality()}), {@code Percentage} of the total (two decimals, rounded as Go rounds), most
     * series first (families with as many series by name: promtool orders them as it walks a Go map, differently from
     * run to run), then the total; the columns aligned as Go's tabwriter aligns them (padding 4, each cell followed by
     * its padding).
     */
    public static void write(Scrape scrape, PrintWriter out) {
        List<Family> families = new ArrayList<>(scrape.families());
        families.sort(Comparator.comparingLong(Family::promtoolCardinality).reversed().thenComparing(Family::name));
        long total = 0;
        for (Family f : families) {
            total += f.promtoolCardinality();
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Metric", "Cardinality", "Percentage"});
        for (Family f : families) {
            double share = (double) f.promtoolCardinality() / (double) total;
            rows.add(new String[] {f.name(), Long.toString(f.promtoolCardinality()),
                    new BigDecimal(share * 100).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "%"});
        }
        rows.add(new String[] {"Total", Long.toString(total), "100%"});
        int[] widths = new int[3];
        for (String[] row : rows) {
            for (int i = 0; i < 3; i++) {
                widths[i] = Math.max(widths[i], Math.max(4, row[i].length() + 4));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < 3; i++) {
                sb.append(row[i]).append(" ".repeat(widths[i] - row[i].length()));
            }
            sb.append('\n');
        }
        out.print(sb);
    }
}
