package io.dwprom.lint.parse;

/** Receives the parsed elements of an exposition, in input order. */
public interface ExpositionHandler {

    /** A {@code # HELP} line; {@code text} is unescaped and may be empty. */
    void help(String family, String text, long line);

    /** A {@code # TYPE} line. */
    void type(String family, MetricType type, long line);

    /** An OpenMetrics {@code # UNIT} line. */
    void unit(String family, String unit, long line);

    /** A sample line. The sample object is reused: copy what must outlive the call. */
    void sample(Sample sample);
}
