package io.dwprom.internal.http;

import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.ee10.servlet.ServletApiRequest;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * Body sizes of a finished request, from the counts Jetty keeps anyway, so no stream is wrapped. The request's
 * size is its declared Content-Length (also when the application never read the body), else the bytes the
 * application read; the response's is the bytes the application wrote (before any compression), none for HEAD.
 * Outside Jetty (the request is not Jetty's own, as the filter at the head of the chain receives it), only the
 * declared Content-Length is known.
 */
final class BodySizes {

    private BodySizes() {
    }

    static void add(InFlightRequest inFlight, HttpServletRequest request, boolean head) {
        ServletContextRequest jetty = request instanceof ServletApiRequest
                ? ServletContextRequest.getServletContextRequest(request) : null;
        long declared = request.getContentLengthLong();
        if (declared >= 0) {
            inFlight.addRequestBytes(declared);
        } else if (jetty != null) {
            inFlight.addRequestBytes(jetty.getHttpInput().getContentConsumed());
        }
        if (!head && jetty != null) {
            inFlight.addResponseBytes(jetty.getServletContextResponse().getHttpOutput().getWritten());
        }
    }
}
