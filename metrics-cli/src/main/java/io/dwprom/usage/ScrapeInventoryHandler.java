package io.dwprom.usage;

import io.dwprom.scrape.FamilyGrouping;
import io.dwprom.scrape.parse.Dialect;
import io.dwprom.scrape.parse.ExpositionHandler;
import io.dwprom.scrape.parse.Hash64;
import io.dwprom.scrape.parse.MetricType;
import io.dwprom.scrape.parse.Sample;

import java.util.Arrays;
import java.util.Collection;

/** Streams an exposition into {@link SeriesFamily} label sets, samples grouped into families as lint groups them. */
final class ScrapeInventoryHandler implements ExpositionHandler {
    private static final long EMPTY_VALUE = Hash64.bytes(new byte[0], 0, 0);

    private final FamilyGrouping<SeriesFamily> families;
    private SeriesFamily lastFamily;
    private String[] cachedLabels = new String[16];
    private int[] cachedColumns = new int[16];
    private long[] values = new long[16];

    ScrapeInventoryHandler(Dialect dialect) {
        this.families = new FamilyGrouping<>(dialect, SeriesFamily::new);
    }

    Collection<SeriesFamily> families() {
        return families.families();
    }

    @Override
    public void help(String family, String text, long line) {
        families.metadata(family);
    }

    @Override
    public void type(String family, MetricType type, long line) {
        families.type(family, type);
    }

    @Override
    public void unit(String family, String unit, long line) {
        families.metadata(family);
    }

    @Override
    public void sample(Sample s) {
        SeriesFamily f = families.sample(s.name());
        if (f != lastFamily) {
            Arrays.fill(cachedLabels, null);
            lastFamily = f;
        }
        int n = s.labelCount();
        int columns = f.columnCount();
        if (values.length < n + columns) {
            values = new long[(n + columns) * 2];
        }
        Arrays.fill(values, 0, columns, 0L);
        values[0] = s.nameHash();
        int count = columns;
        long labelsHash = 0;
        for (int i = 0; i < n; i++) {
            long v = s.labelValueHash(i);
            if (v == EMPTY_VALUE) {
                continue;
            }
            int c = column(f, i, s.labelName(i), s.labelNameHash(i));
            if (c >= count) {
                count = c + 1;
            }
            values[c] = v;
            labelsHash += Hash64.pair(s.labelNameHash(i), v);
        }
        f.add(s.name(), values, count, Hash64.series(s.nameHash(), labelsHash));
    }

    /** The column of the label at {@code position}; samples of a family usually repeat the same name strings. */
    private int column(SeriesFamily f, int position, String label, long labelHash) {
        if (position < cachedLabels.length && cachedLabels[position] == label) {
            return cachedColumns[position];
        }
        int c = f.column(label, labelHash);
        if (position < cachedLabels.length) {
            cachedLabels[position] = label;
            cachedColumns[position] = c;
        }
        return c;
    }
}
