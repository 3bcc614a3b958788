package io.dwprom.lint.source;

import java.io.IOException;

/** An input that cannot be read: missing file, unreachable URL, HTTP error, timeout, size cap. */
public final class SourceException extends IOException {
    private final boolean malformed;

    public SourceException(String message) {
        this(message, false);
    }

    /** @param malformed true when the input was read but is not valid exposition text */
    public SourceException(String message, boolean malformed) {
        super(message);
        this.malformed = malformed;
    }

    /** Whether the input was readable but malformed (as opposed to unreadable). */
    public boolean malformed() {
        return malformed;
    }
}
