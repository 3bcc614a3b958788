package io.dwprom.internal.http;

import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.ResourceMethod;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Finds the {@link RouteSeries} of a Jersey request that matched a resource method. In the usual case, a request that matched a
 * resource method directly with that method's own HTTP method, it is one lookup keyed by the resource method
 * object; otherwise (HEAD or OPTIONS answered by a GET or generated method, sub-resource locators) the
 * labels are derived in full ({@link HttpLabels}, {@link JerseyRoutes}) and looked up in {@link HttpMetrics}.
 * Both give the same series: the cache only skips work. In a running server each lookup's maps are usually cold
 * again by the next request, so the fewer the better.
 */
final class JerseySeries {

    private final HttpMetrics metrics;
    private final JerseyRoutes routes = new JerseyRoutes();
    /** Bounded: one entry per resource method of the application. */
    private final ConcurrentMap<ResourceMethod, RouteSeries> seriesByResourceMethod = new ConcurrentHashMap<>();

    JerseySeries(HttpMetrics metrics) {
        this.metrics = metrics;
    }

    /** The series of the matched resource method's route, or null when no resource method matched. */
    RouteSeries matched(String method, ExtendedUriInfo uriInfo) {
        ResourceMethod matched = uriInfo == null ? null : uriInfo.getMatchedResourceMethod();
        if (matched == null) {
            return null;
        }
        if (method == null || !method.equals(matched.getHttpMethod())
                || !uriInfo.getMatchedResourceLocators().isEmpty()) {
            return derived(method, uriInfo);
        }
        RouteSeries series = seriesByResourceMethod.get(matched);
        if (series == null) {
            series = derived(method, uriInfo);
            seriesByResourceMethod.putIfAbsent(matched, series);
        }
        return series;
    }

    private RouteSeries derived(String method, ExtendedUriInfo uriInfo) {
        return metrics.series(HttpLabels.method(method), routes.route(uriInfo));
    }
}
