package io.dwprom.http;

import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The {@code path} label of a finished Jersey request: its matched route template, or a fixed value when no
 * resource method matched (404, 405, a sub-resource locator without a method). Routes are computed once per
 * distinct template chain and cached; the chains come from the application's code, so the cache is bounded.
 */
final class JerseyRoutes {

    private final ConcurrentMap<List<UriTemplate>, String> routes = new ConcurrentHashMap<>();

    String pathLabel(ExtendedUriInfo uriInfo, int status) {
        if (uriInfo == null || uriInfo.getMatchedResourceMethod() == null) {
            return HttpLabels.unmatchedPath(status);
        }
        List<UriTemplate> innermostFirst = uriInfo.getMatchedTemplates();
        String route = routes.get(innermostFirst);
        if (route == null) {
            route = HttpLabels.route(outermostFirst(innermostFirst));
            routes.putIfAbsent(List.copyOf(innermostFirst), route);
        }
        return route;
    }

    private static List<String> outermostFirst(List<UriTemplate> innermostFirst) {
        List<String> templates = new ArrayList<>(innermostFirst.size());
        for (int i = innermostFirst.size() - 1; i >= 0; i--) {
            templates.add(innermostFirst.get(i).getTemplate());
        }
        return templates;
    }
}
