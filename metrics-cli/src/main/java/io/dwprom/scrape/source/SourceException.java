package io.dwprom.scrape.source;

import java.io.IOException;

/** An input that cannot be read: missing file, unreachable URL, HTTP error, timeout, size cap. */
public final class SourceException extends IOException {
    private final boolean malformed;
    private final int httpStatus;
    private final String responseStart;

    public SourceException(String message) {
        this(message, false);
    }

    /** @param malformed true when the input was read but is not valid exposition text */
    public SourceException(String message, boolean malformed) {
        this(message, malformed, 0, "");
    }

    /**
     * A URL answered with a status outside 2xx.
     *
     * @param responseStart the start of the response body, for callers that understand its format
     */
    public SourceException(String message, int httpStatus, String responseStart) {
        this(message, false, httpStatus, responseStart);
    }

    private SourceException(String message, boolean malformed, int httpStatus, String responseStart) {
        super(message);
        this.malformed = malformed;
        this.httpStatus = httpStatus;
        this.responseStart = responseStart;
    }

    /** The HTTP status of a URL that answered outside 2xx, otherwise 0. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The start of such a response's body (at most {@value Sources#ERROR_BODY_BYTES} bytes), otherwise "". */
    public String responseStart() {
        return responseStart;
    }

    /** Whether the input was readable but malformed (as opposed to unreadable). */
    public boolean malformed() {
        return malformed;
    }
}
