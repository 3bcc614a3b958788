package io.dwprom.lint.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Opens a metrics source: an {@code http(s)://} URL (scraped like Prometheus does), a file path,
 * or {@code -} for standard input.
 */
public final class Sources {
    /** The Accept header Prometheus sends when scraping. */
    public static final String ACCEPT =
            "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    private Sources() {
    }

    public static boolean isUrl(String spec) {
        String s = spec.toLowerCase(Locale.ROOT);
        return s.startsWith("http://") || s.startsWith("https://");
    }

    /** Opens {@code spec}; {@code stdin} is used for "-". */
    public static OpenedSource open(String spec, FetchOptions options, InputStream stdin) throws SourceException {
        if (spec.equals("-")) {
            return new OpenedSource("stdin", new LimitedInputStream(stdin, options.maxBytes(), "stdin"));
        }
        if (isUrl(spec)) {
            return UrlSource.open(spec, options);
        }
        Path path = Path.of(spec);
        try {
            if (Files.isDirectory(path)) {
                throw new SourceException(spec + ": is a directory, not a metrics file");
            }
            InputStream in = Files.newInputStream(path);
            if (spec.endsWith(".gz")) {
                in = new GZIPInputStream(in, 1 << 16);
            }
            return new OpenedSource(spec, new LimitedInputStream(in, options.maxBytes(), spec));
        } catch (NoSuchFileException e) {
            throw new SourceException(spec + ": no such file");
        } catch (SourceException e) {
            throw e;
        } catch (IOException e) {
            throw new SourceException(spec + ": cannot read: " + e.getMessage());
        }
    }

    static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
