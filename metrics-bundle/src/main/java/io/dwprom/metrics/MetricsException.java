package io.dwprom.metrics;

/**
 * The one exception type of the bundle. Its {@link Kind} tells what went wrong; the message names the metric,
 * the conflicting definitions or the failing component.
 */
public final class MetricsException extends RuntimeException {

    /** What kind of failure this is. */
    public enum Kind {
        /** The metrics system could not be installed (registration, servlet, Jersey or JDBI wiring). */
        INSTALLATION_FAILED,
        /** Metrics were used before the bundle ran. */
        NOT_INITIALISED,
        /** The exposition could not be rendered. */
        RENDER_FAILED,
        /** A metric name was used with another type, help or label set than its first definition. */
        CONFLICTING_DEFINITION
    }

    private final Kind kind;

    public MetricsException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public MetricsException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
