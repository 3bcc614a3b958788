package io.dwprom.internal.exemplars;

import io.prometheus.client.exemplars.Exemplar;
import io.prometheus.client.exemplars.HistogramExemplarSampler;
import io.prometheus.client.exemplars.tracer.common.SpanContextSupplier;

import java.util.function.LongSupplier;

/**
 * Samples an exemplar ({@code trace_id}, {@code span_id}) for an observation made while the thread's current span
 * is sampled, keeping each bucket's exemplar for at least {@value #MIN_RETENTION_MILLIS} ms, as simpleclient's
 * {@code DefaultExemplarSampler} does. Unlike that sampler it asks for the span before it reads the clock, so an
 * observation without a sampled span (the common case) costs one look-up of the current span and nothing more
 * (BENCHMARKS.md, "Exemplars"). An exemplar whose labels would exceed OpenMetrics' limit of
 * {@value #MAX_LABEL_CHARACTERS} characters is not sampled.
 */
public final class SpanExemplarSampler implements HistogramExemplarSampler {

    /** simpleclient's retention: a prime, so that replacements rarely coincide with a scrape interval. */
    public static final long MIN_RETENTION_MILLIS = 7109;
    /** OpenMetrics' limit on the characters of an exemplar's label names and values together. */
    public static final int MAX_LABEL_CHARACTERS = 128;
    static final String TRACE_ID = "trace_id";
    static final String SPAN_ID = "span_id";
    private static final int LABEL_NAME_CHARACTERS = TRACE_ID.length() + SPAN_ID.length();

    private final SpanContextSupplier spans;
    private final LongSupplier clockMillis;

    /**
     * @param spans       the current span of the calling thread
     * @param clockMillis wall-clock milliseconds, the exemplar's timestamp
     */
    public SpanExemplarSampler(SpanContextSupplier spans, LongSupplier clockMillis) {
        this.spans = spans;
        this.clockMillis = clockMillis;
    }

    @Override
    public Exemplar sample(double value, double bucketFrom, double bucketTo, Exemplar previous) {
        if (!spans.isSampled()) {
            return null;
        }
        long now = clockMillis.getAsLong();
        if (previous != null && previous.getTimestampMs() != null
                && now - previous.getTimestampMs() <= MIN_RETENTION_MILLIS) {
            return null;
        }
        String traceId = spans.getTraceId();
        String spanId = spans.getSpanId();
        if (traceId == null || spanId == null || LABEL_NAME_CHARACTERS
                + traceId.codePointCount(0, traceId.length())
                + spanId.codePointCount(0, spanId.length()) > MAX_LABEL_CHARACTERS) {
            return null;
        }
        return new Exemplar(value, now, TRACE_ID, traceId, SPAN_ID, spanId);
    }
}
