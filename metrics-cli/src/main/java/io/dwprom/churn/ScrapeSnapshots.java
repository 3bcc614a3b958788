package io.dwprom.churn;

import io.dwprom.lint.ScrapeAnalyzer;
import io.dwprom.scrape.parse.Dialect;
import io.dwprom.scrape.source.ScrapeReader;
import io.dwprom.scrape.source.SourceException;

/** Reads a scrape (URL, file or stdin) into a {@link SeriesSnapshot}, with families grouped as OpenMetrics does. */
public final class ScrapeSnapshots {
    private final ScrapeReader reader;

    public ScrapeSnapshots(ScrapeReader reader) {
        this.reader = reader;
    }

    /** Reads {@code spec}; unreadable or malformed input is a {@link SourceException} naming it. */
    public SeriesSnapshot read(String spec) throws SourceException {
        SeriesSnapshot.Builder builder = SeriesSnapshot.builder();
        String[][] pairs = {new String[16]};
        reader.read(spec, ScrapeAnalyzer.analysis(Dialect.OPENMETRICS, (family, sample) -> {
            int n = sample.labelCount();
            if (pairs[0].length < 2 * n) {
                pairs[0] = new String[4 * n];
            }
            for (int i = 0; i < n; i++) {
                pairs[0][2 * i] = sample.labelName(i);
                pairs[0][2 * i + 1] = sample.labelValue(i);
            }
            builder.add(family, sample.name(), pairs[0], n);
        }));
        return builder.build();
    }
}
