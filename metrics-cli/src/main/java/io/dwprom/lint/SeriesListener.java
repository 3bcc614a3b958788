package io.dwprom.lint;

import io.dwprom.scrape.parse.Sample;

/** Told about each distinct series of a scrape, with the family it was grouped into. */
@FunctionalInterface
public interface SeriesListener {
    /** Ignores every series (a class, not a lambda: linking one costs milliseconds of a short run). */
    SeriesListener NONE = new SeriesListener() {
        @Override
        public void series(String family, Sample sample) {
        }
    };

    /** Called once per distinct series, at its first sample. The sample object is reused: copy what must outlive the call. */
    void series(String family, Sample sample);
}
