package io.dwprom.scrape.source;

import java.time.Duration;
import java.util.List;

/**
 * How sources are read: an overall timeout for URLs, a cap on the (decompressed) size of any
 * input, an optional {@code Authorization} header value for URLs, the scrape protocol assumed when a scraped
 * URL answers without a usable {@code Content-Type} ({@code null}: such an answer is refused, as Prometheus 3 refuses
 * it without {@code fallback_scrape_protocol}), the protocols a scrape asks for, in order of preference (Prometheus 3's
 * {@code scrape_protocols}), and the format of a scraped file or stdin ({@code null}: detected, see
 * {@link ProtobufDetection}).
 */
public record FetchOptions(Duration timeout, long maxBytes, String authorization, ScrapeProtocol fallbackProtocol,
                           List<ScrapeProtocol> scrapeProtocols, ScrapeFormat inputFormat) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final long DEFAULT_MAX_BYTES = 200L * 1024 * 1024;
    public static final FetchOptions DEFAULT = new FetchOptions(DEFAULT_TIMEOUT, DEFAULT_MAX_BYTES, null);

    public FetchOptions {
        scrapeProtocols = List.copyOf(scrapeProtocols);
    }

    public FetchOptions(Duration timeout, long maxBytes, String authorization) {
        this(timeout, maxBytes, authorization, null, ScrapeProtocol.DEFAULTS, null);
    }

    /** These options with the format of files and stdin fixed to {@code format}. */
    public FetchOptions withInputFormat(ScrapeFormat format) {
        return new FetchOptions(timeout, maxBytes, authorization, fallbackProtocol, scrapeProtocols, format);
    }
}
