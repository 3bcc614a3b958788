package io.dwprom.internal.http;

import io.dwprom.internal.core.RecordingErrors;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.ee10.servlet.ServletHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

import java.io.IOException;

/**
 * Tells {@link HttpMetricsFilter} which servlet served a request. Added as a bean of the application's servlet
 * context, it wraps each servlet as Jetty initialises it; the wrapper marks the request being dispatched with the
 * servlet's mapping pattern ({@code /assets/*}, {@code /} for a default servlet), a bounded label. A request no
 * servlet ran for (a filter answered it) stays unmarked. Jetty's 404 servlet for paths that no mapping matches is
 * left unwrapped, so its 404s stay unmarked too. Any failure here is counted by {@link RecordingErrors} and never
 * reaches the request.
 */
public final class ServletMarker implements ServletHolder.WrapFunction {

    private final RecordingErrors errors;

    public ServletMarker(RecordingErrors errors) {
        this.errors = errors;
    }

    @Override
    public Servlet wrapServlet(Servlet servlet) {
        return servlet instanceof ServletHandler.Default404Servlet ? servlet : new Marking(servlet);
    }

    private final class Marking extends ServletHolder.Wrapper {

        Marking(Servlet servlet) {
            super(servlet);
        }

        @Override
        public void service(ServletRequest request, ServletResponse response) throws ServletException, IOException {
            mark(request);
            super.service(request, response);
        }

        private void mark(ServletRequest request) {
            InFlightRequest current = CurrentRequest.get();
            if (current != null) {
                try {
                    current.servedByServlet(((HttpServletRequest) request).getHttpServletMapping().getPattern());
                } catch (RuntimeException failure) {
                    errors.record(HttpMetricsFilter.COMPONENT, failure);
                }
            }
        }
    }
}
