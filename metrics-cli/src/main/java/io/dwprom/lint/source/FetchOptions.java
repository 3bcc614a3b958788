package io.dwprom.lint.source;

import java.time.Duration;

/**
 * How sources are read: an overall timeout for URLs, a cap on the (decompressed) size of any
 * input, and an optional {@code Authorization} header value for URLs.
 */
public record FetchOptions(Duration timeout, long maxBytes, String authorization) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final long DEFAULT_MAX_BYTES = 200L * 1024 * 1024;
    public static final FetchOptions DEFAULT = new FetchOptions(DEFAULT_TIMEOUT, DEFAULT_MAX_BYTES, null);
}
