package io.dwprom.demo.tracing;

import io.dropwizard.lifecycle.Managed;
import io.dropwizard.lifecycle.setup.LifecycleEnvironment;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * The demo's OpenTelemetry SDK: traces on, W3C {@code traceparent} propagation, and no exporter (the spans only
 * give the Prometheus bundle the trace ids of its exemplars). The sampler is the SDK's default: a request that
 * arrives with a {@code traceparent} keeps its sampling decision, any other starts a sampled trace. It is not
 * registered as the global instance, so several applications can run in one JVM; it is shut down with the
 * application.
 */
public final class Tracing {

    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

    private Tracing() {
    }

    /** The SDK of service {@code serviceName}, closed when {@code lifecycle} stops. */
    public static OpenTelemetry start(String serviceName, LifecycleEnvironment lifecycle) {
        SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
                // An exporter of none: a provider without any span processor hands out no-op spans, whose ids
                // are the caller's. A deployment with a trace backend puts its exporter (OTLP) here.
                .addSpanProcessor(SimpleSpanProcessor.create(SpanExporter.composite()))
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(SERVICE_NAME, serviceName))))
                .build();
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(tracerProvider)
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        lifecycle.manage(new Managed() {
            @Override
            public void stop() {
                sdk.close();
            }
        });
        return sdk;
    }
}
