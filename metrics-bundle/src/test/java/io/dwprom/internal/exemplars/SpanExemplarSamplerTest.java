package io.dwprom.internal.exemplars;

import io.prometheus.client.exemplars.Exemplar;
import io.prometheus.client.exemplars.tracer.common.SpanContextSupplier;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class SpanExemplarSamplerTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";

    private final AtomicLong clock = new AtomicLong(1_000_000);

    @Test
    void aSampledSpanGivesAnExemplarOfItsTraceAndSpanAtTheObservationsValueAndTime() {
        Exemplar exemplar = sampler(new FixedSpan(TRACE, SPAN, true)).sample(0.042, 0.025, 0.05, null);

        assertThat(exemplar).isEqualTo(new Exemplar(0.042, 1_000_000L, "trace_id", TRACE, "span_id", SPAN));
    }

    @Test
    void anUnsampledSpanGivesNoExemplarAndTheClockIsNotRead() {
        SpanExemplarSampler sampler = new SpanExemplarSampler(new FixedSpan(TRACE, SPAN, false), () -> {
            throw new AssertionError("the clock was read without a sampled span");
        });

        assertThat(sampler.sample(0.042, 0.025, 0.05, null)).isNull();
    }

    @Test
    void aBucketKeepsItsExemplarForTheRetentionPeriodThenTakesTheNextOne() {
        SpanExemplarSampler sampler = sampler(new FixedSpan(TRACE, SPAN, true));
        Exemplar first = sampler.sample(0.042, 0.025, 0.05, null);

        clock.addAndGet(SpanExemplarSampler.MIN_RETENTION_MILLIS);
        assertThat(sampler.sample(0.03, 0.025, 0.05, first)).isNull();
        clock.incrementAndGet();
        assertThat(sampler.sample(0.03, 0.025, 0.05, first)).isNotNull()
                .extracting(Exemplar::getValue).isEqualTo(0.03);
    }

    @Test
    void labelsPastOpenMetricsLimitOf128CharactersGiveNoExemplarAndLabelsAtTheLimitDo() {
        String spanAtLimit = "a".repeat(SpanExemplarSampler.MAX_LABEL_CHARACTERS - TRACE.length()
                - "trace_id".length() - "span_id".length());

        assertThat(sampler(new FixedSpan(TRACE, spanAtLimit, true)).sample(1, 0, 2, null)).isNotNull();
        assertThat(sampler(new FixedSpan(TRACE, spanAtLimit + "a", true)).sample(1, 0, 2, null)).isNull();
    }

    @Test
    void openTelemetrysIdsFitTheLimitWithRoomToSpare() {
        Exemplar exemplar = sampler(new FixedSpan(TRACE, SPAN, true)).sample(1, 0, 2, null);

        int characters = 0;
        for (int i = 0; i < exemplar.getNumberOfLabels(); i++) {
            characters += exemplar.getLabelName(i).length() + exemplar.getLabelValue(i).length();
        }
        assertThat(characters).isEqualTo(63).isLessThanOrEqualTo(SpanExemplarSampler.MAX_LABEL_CHARACTERS);
    }

    private SpanExemplarSampler sampler(SpanContextSupplier spans) {
        return new SpanExemplarSampler(spans, clock::get);
    }

    private record FixedSpan(String getTraceId, String getSpanId, boolean isSampled) implements SpanContextSupplier {
    }
}
