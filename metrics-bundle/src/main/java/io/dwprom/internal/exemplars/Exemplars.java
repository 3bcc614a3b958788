package io.dwprom.internal.exemplars;

import io.prometheus.client.exemplars.HistogramExemplarSampler;
import io.prometheus.client.exemplars.tracer.common.SpanContextSupplier;
import io.prometheus.client.exemplars.tracer.otel.OpenTelemetrySpanContextSupplier;
import io.prometheus.client.exemplars.tracer.otel_agent.OpenTelemetryAgentSpanContextSupplier;

import java.util.Optional;

/**
 * Where the bundle's exemplars come from: OpenTelemetry's current span, through simpleclient's span suppliers
 * (the OpenTelemetry API on the class path, or else the OpenTelemetry Java agent). The suppliers only touch
 * {@code io.opentelemetry} classes once they found them, so without OpenTelemetry this finds nothing and the
 * histograms record as they would without exemplars.
 */
public final class Exemplars {

    private Exemplars() {
    }

    /** The sampler of the duration histograms: none when {@code enabled} is false or no tracer is present. */
    public static Optional<HistogramExemplarSampler> sampler(boolean enabled) {
        if (!enabled) {
            return Optional.empty();
        }
        return currentSpans().map(spans -> new SpanExemplarSampler(spans, System::currentTimeMillis));
    }

    private static Optional<SpanContextSupplier> currentSpans() {
        if (OpenTelemetrySpanContextSupplier.isAvailable()) {
            return Optional.of(new OpenTelemetrySpanContextSupplier());
        }
        if (OpenTelemetryAgentSpanContextSupplier.isAvailable()) {
            return Optional.of(new OpenTelemetryAgentSpanContextSupplier());
        }
        return Optional.empty();
    }
}
