package io.dwprom.scrape.source;

import io.dwprom.scrape.parse.Exposition;
import io.dwprom.scrape.parse.ParseException;
import io.dwprom.scrape.parse.ProtobufException;
import io.dwprom.scrape.parse.ProtobufExposition;

import java.io.IOException;
import java.io.InputStream;

/**
 * Opens a source and analyses it in its format (text or protobuf), turning malformed input into one-line messages
 * naming the source.
 */
public final class ScrapeReader {
    private final FetchOptions options;
    private final InputStream stdin;

    public ScrapeReader(FetchOptions options, InputStream stdin) {
        this.options = options;
        this.stdin = stdin;
    }

    /**
     * Reads {@code spec} into what {@code analysis} makes of it; malformed input becomes a {@link SourceException}
     * "SOURCE:LINE:COLUMN: message" (text) or "SOURCE: byte offset N: message" (protobuf).
     */
    public <T> T read(String spec, Analysis<T> analysis) throws SourceException {
        try (OpenedSource source = Sources.openScrape(spec, options, stdin)) {
            try {
                return analysis.analyze(source.format() == ScrapeFormat.PROTOBUF
                        ? new ProtobufExposition(source.stream(), options.maxBytes())
                        : Exposition.text(source.stream()));
            } catch (ParseException e) {
                throw new SourceException(source.name() + ":" + e.line() + (e.column() > 0 ? ":" + e.column() : "")
                        + ": " + e.detail(), true);
            } catch (ProtobufException e) {
                throw new SourceException(source.name() + ": byte offset " + e.offset() + ": " + e.detail(), true);
            }
        } catch (SourceException e) {
            throw e;
        } catch (IOException e) {
            if (Sources.isUrl(spec) && Sources.heapExhausted()) {
                throw tooLarge(spec);
            }
            throw new SourceException(spec + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        } catch (Error e) {
            if (!Sources.ranOutOfHeap(e)) {
                throw e;
            }
            throw tooLarge(spec);
        }
    }

    private static SourceException tooLarge(String spec) {
        return new SourceException((spec.equals("-") ? "stdin" : spec) + ": does not fit in the Java heap ("
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB): lower --max-bytes, or raise the heap with -Xmx in"
                + " METRICS_LINT_JAVA_OPTS");
    }

    /** Turns an exposition into a result; throws {@link ParseException} or {@link ProtobufException} on malformed input. */
    @FunctionalInterface
    public interface Analysis<T> {
        T analyze(Exposition exposition) throws IOException;
    }
}
