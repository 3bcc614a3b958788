package io.dwprom.churn;

import io.dwprom.lint.parse.Dialect;
import io.dwprom.lint.parse.Sample;
import io.dwprom.lint.source.ScrapeReader;
import io.dwprom.lint.source.SourceException;

import java.util.HashMap;
import java.util.Map;

/** Reads a scrape (URL, file or stdin) into a {@link SeriesSnapshot}, with families grouped as OpenMetrics does. */
public final class ScrapeSnapshots {
    private final ScrapeReader reader;

    public ScrapeSnapshots(ScrapeReader reader) {
        this.reader = reader;
    }

    /** Reads {@code spec}; unreadable or malformed input is a {@link SourceException} naming it. */
    public SeriesSnapshot read(String spec) throws SourceException {
        SeriesSnapshot.Builder builder = SeriesSnapshot.builder();
        reader.read(spec, Dialect.OPENMETRICS, (family, sample) -> builder.add(family, sample.name(), labels(sample)));
        return builder.build();
    }

    private static Map<String, String> labels(Sample sample) {
        Map<String, String> labels = new HashMap<>();
        for (int i = 0; i < sample.labelCount(); i++) {
            labels.put(sample.labelName(i), sample.labelValue(i));
        }
        return labels;
    }
}
