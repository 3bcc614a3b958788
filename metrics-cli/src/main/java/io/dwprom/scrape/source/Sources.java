package io.dwprom.scrape.source;

import java.io.BufferedInputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Opens a metrics source: an {@code http(s)://} URL (scraped like Prometheus does), a file path,
 * or {@code -} for standard input.
 */
public final class Sources {
    /** How much of a non-2xx response body is kept for the caller. */
    public static final int ERROR_BODY_BYTES = 4096;

    private Sources() {
    }

    /**
     * Whether {@code e} is the heap running out: an {@link OutOfMemoryError}, or an error it caused, such as the
     * {@link BootstrapMethodError} of a lambda first linked while the heap was full.
     */
    public static boolean ranOutOfHeap(Error e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the heap has run out, or nearly: a thread of the HTTP client died of it, or what the reader holds fills
     * nine tenths of the heap. The HTTP client ends its connections when one of its threads runs out of heap, so a read
     * that fails at such a moment failed for want of heap, whatever its own exception says.
     */
    public static boolean heapExhausted() {
        Runtime rt = Runtime.getRuntime();
        return Deadlines.heapExhausted() || rt.totalMemory() - rt.freeMemory() > rt.maxMemory() / 10 * 9;
    }

    public static boolean isUrl(String spec) {
        String s = spec.toLowerCase(Locale.ROOT);
        return s.startsWith("http://") || s.startsWith("https://");
    }

    /** Opens {@code spec} (a server's API answer, for a URL); {@code stdin} is used for "-". */
    public static OpenedSource open(String spec, FetchOptions options, InputStream stdin) throws SourceException {
        return open(spec, options, stdin, false);
    }

    /**
     * Opens {@code spec} as a scrape: a URL's answer must have the {@code Content-Type} of an exposition format, or
     * {@link FetchOptions#fallbackProtocol()} is assumed, as Prometheus 3 does; a file or stdin is in
     * {@link FetchOptions#inputFormat()}, or in the format {@link ProtobufDetection} detects.
     */
    public static OpenedSource openScrape(String spec, FetchOptions options, InputStream stdin) throws SourceException {
        return open(spec, options, stdin, true);
    }

    private static OpenedSource open(String spec, FetchOptions options, InputStream stdin, boolean scrape)
            throws SourceException {
        if (isUrl(spec)) {
            return UrlSource.open(spec, options, scrape);
        }
        OpenedSource opened = spec.equals("-")
                ? new OpenedSource("stdin", new LimitedInputStream(stdin, options.maxBytes(), "stdin"))
                : openFile(spec, options);
        return scrape ? inFormat(opened, options.inputFormat(), !spec.equals("-") && ProtobufDetection.byName(spec))
                : opened;
    }

    /** {@code opened} in the format given, named by the file, or detected from its first bytes. */
    private static OpenedSource inFormat(OpenedSource opened, ScrapeFormat given, boolean protobufByName)
            throws SourceException {
        if (given != null || protobufByName) {
            return new OpenedSource(opened.name(), opened.stream(), given != null ? given : ScrapeFormat.PROTOBUF);
        }
        BufferedInputStream in = new BufferedInputStream(opened.stream(), 1 << 16);
        try {
            return new OpenedSource(opened.name(), in,
                    ProtobufDetection.sniff(in) ? ScrapeFormat.PROTOBUF : ScrapeFormat.TEXT);
        } catch (SourceException e) {
            closeQuietly(in);
            throw e;
        } catch (IOException e) {
            closeQuietly(in);
            throw new SourceException(opened.name() + ": cannot read: " + e.getMessage());
        }
    }

    /** A file through java.io, which a short run links far fewer classes for than java.nio.file. */
    private static OpenedSource openFile(String spec, FetchOptions options) throws SourceException {
        File file = new File(spec);
        if (file.isDirectory()) {
            throw new SourceException(spec + ": is a directory, not a metrics file");
        }
        if (!file.exists()) {
            throw new SourceException(spec + ": no such file");
        }
        InputStream in = null;
        try {
            in = new FileInputStream(file);
            if (spec.endsWith(".gz")) {
                in = new GZIPInputStream(in, 1 << 16);
            }
            return new OpenedSource(spec, new LimitedInputStream(in, options.maxBytes(), spec));
        } catch (IOException e) {
            closeQuietly(in);
            throw new SourceException(spec + ": cannot read: " + e.getMessage());
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // the read error is the one reported
            }
        }
    }
}
