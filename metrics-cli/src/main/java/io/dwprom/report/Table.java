package io.dwprom.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A plain text table with columns padded to their widest cell. */
public final class Table {
    private final List<String[]> rows = new ArrayList<>();

    /** A table with the column titles {@code header}. */
    public Table(String... header) {
        rows.add(header);
    }

    /** Adds a row of as many cells as the header has. */
    public void row(String... cells) {
        rows.add(cells);
    }

    /** Prints the header and the rows, cells padded to their column's widest, trailing blanks trimmed. */
    public void print(PrintWriter out) {
        int[] widths = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                sb.append(i == r.length - 1 ? r[i] : String.format("%-" + widths[i] + "s  ", r[i]));
            }
            out.println(sb.toString().stripTrailing());
        }
    }

    /** {@code part} as a percentage of {@code whole}, one decimal ({@code 0.0%} of nothing). */
    public static String percent(long part, long whole) {
        return whole == 0 ? "0.0%" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }
}
