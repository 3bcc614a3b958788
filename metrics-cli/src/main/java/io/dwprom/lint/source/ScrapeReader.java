package io.dwprom.lint.source;

import io.dwprom.lint.parse.Dialect;
import io.dwprom.lint.Scrape;
import io.dwprom.lint.ScrapeAnalyzer;
import io.dwprom.lint.parse.ParseException;

import java.io.IOException;
import java.io.InputStream;

/** Opens a source and analyses it, turning parse errors into one-line messages naming the source. */
public final class ScrapeReader {
    private final FetchOptions options;
    private final InputStream stdin;

    public ScrapeReader(FetchOptions options, InputStream stdin) {
        this.options = options;
        this.stdin = stdin;
    }

    /** Reads {@code spec}; malformed input becomes a {@link SourceException} "SOURCE:LINE:COLUMN: message". */
    public Scrape read(String spec, Dialect dialect) throws SourceException {
        try (OpenedSource source = Sources.open(spec, options, stdin)) {
            try {
                return ScrapeAnalyzer.analyze(source.stream(), dialect);
            } catch (ParseException e) {
                throw new SourceException(source.name() + ":" + e.line() + (e.column() > 0 ? ":" + e.column() : "")
                        + ": " + e.detail(), true);
            }
        } catch (SourceException e) {
            throw e;
        } catch (IOException e) {
            throw new SourceException(spec + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }
}
