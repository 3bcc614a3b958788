package io.dwprom.lint;

import java.util.List;

/** The result of analysing one exposition: its families (those with samples), sorted by name. */
public final class Scrape {
    private final List<Family> families;
    private final long totalSeries;

    Scrape(List<Family> families) {
        this.families = List.copyOf(families);
        long total = 0;
        for (Family f : families) {
            total += f.seriesCount();
        }
        this.totalSeries = total;
    }

    public List<Family> families() {
        return families;
    }

    /** Distinct series across all families. */
    public long totalSeries() {
        return totalSeries;
    }
}
