package io.dwprom.scrape.parse;

/** Receives the parsed elements of an exposition, in input order. */
public interface ExpositionHandler {

    /** A {@code # HELP} line; {@code text} is unescaped and may be empty. */
    void help(String family, String text, long line);

    /** A {@code # TYPE} line. */
    void type(String family, MetricType type, long line);

    /** An OpenMetrics {@code # UNIT} line. */
    void unit(String family, String unit, long line);

    /**
     * A {@code # HELP} or {@code # TYPE} line with a metric name, blanks and nothing else, in the promtool dialect:
     * expfmt makes such a name a family (or the {@code _sum}, {@code _count} or {@code _bucket} of an earlier summary
     * or histogram), which takes later samples of that name.
     */
    default void declare(String family, long line) {
    }

    /** A sample line. The sample object is reused: copy what must outlive the call. */
    void sample(Sample sample);

    /**
     * The native part of one histogram metric of the protobuf format: ONE series named as its family, with the
     * metric's labels (no {@code le}) and its observation count as value. Its classic buckets, when it has any,
     * arrive as ordinary {@code _bucket}/{@code _count}/{@code _sum} samples. By default a sample like any other.
     */
    default void nativeHistogram(Sample sample) {
        sample(sample);
    }
}
