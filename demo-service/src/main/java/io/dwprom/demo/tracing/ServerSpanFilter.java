package io.dwprom.demo.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Collections;

/**
 * Starts a server span for every request, child of the trace its {@code traceparent} header names (if any), and
 * keeps it current on the request's thread for the whole servlet chain. The Prometheus bundle's HTTP filter (mapped
 * after this one), Jersey and the resource's JDBI statements all run inside the chain, so the bundle records the
 * request's duration and its statements while the span is current, and takes its exemplars from it.
 */
public final class ServerSpanFilter implements Filter {

    private static final TextMapGetter<HttpServletRequest> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpServletRequest request) {
            return Collections.list(request.getHeaderNames());
        }

        @Override
        public String get(HttpServletRequest request, String name) {
            return request == null ? null : request.getHeader(name);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    public ServerSpanFilter(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer(ServerSpanFilter.class.getName());
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        Context parent = propagator.extract(Context.root(), http, HEADERS);
        // Named by method only: the route template is known to Jersey, not yet here (span names must stay few).
        Span span = tracer.spanBuilder(http.getMethod())
                .setParent(parent)
                .setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", http.getMethod())
                .setAttribute("url.path", http.getRequestURI())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            span.setStatus(StatusCode.ERROR, failure.getClass().getName());
            throw failure;
        } finally {
            span.setAttribute("http.response.status_code", ((HttpServletResponse) response).getStatus());
            span.end();
        }
    }
}
