package io.dwprom.lint.source;

import java.time.Duration;

/**
 * How sources are read: an overall timeout for URLs, a cap on the (decompressed) size of any
 * input, an optional {@code Authorization} header value for URLs, and the scrape protocol assumed when a scraped
 * URL answers without a usable {@code Content-Type} ({@code null}: such an answer is refused, as Prometheus 3 refuses
 * it without {@code fallback_scrape_protocol}).
 */
public record FetchOptions(Duration timeout, long maxBytes, String authorization, ScrapeProtocol fallbackProtocol) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final long DEFAULT_MAX_BYTES = 200L * 1024 * 1024;
    public static final FetchOptions DEFAULT = new FetchOptions(DEFAULT_TIMEOUT, DEFAULT_MAX_BYTES, null, null);

    public FetchOptions(Duration timeout, long maxBytes, String authorization) {
        this(timeout, maxBytes, authorization, null);
    }
}
