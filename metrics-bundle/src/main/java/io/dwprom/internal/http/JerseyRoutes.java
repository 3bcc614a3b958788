package io.dwprom.internal.http;

import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.uri.UriTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The {@code path} label of a Jersey request that matched a resource method: its route template. Routes are computed once per
 * resource method (or, behind sub-resource locators, per template chain) and cached; both come from the
 * application's code, so the caches are bounded.
 */
final class JerseyRoutes {

    /** Routes of requests that matched a resource method directly: one route per method object. */
    private final ConcurrentMap<ResourceMethod, String> routesByMethod = new ConcurrentHashMap<>();
    /** Routes of requests that went through sub-resource locators, where one method can sit under several. */
    private final ConcurrentMap<List<UriTemplate>, String> routesByTemplates = new ConcurrentHashMap<>();

    /** @param uriInfo of a request whose resource method matched */
    String route(ExtendedUriInfo uriInfo) {
        ResourceMethod method = uriInfo.getMatchedResourceMethod();
        if (uriInfo.getMatchedResourceLocators().isEmpty()) {
            String route = routesByMethod.get(method); // identity-cheap key, no list hashing per request
            return route != null ? route
                    : routesByMethod.computeIfAbsent(method, m -> route(uriInfo.getMatchedTemplates()));
        }
        List<UriTemplate> innermostFirst = uriInfo.getMatchedTemplates();
        String route = routesByTemplates.get(innermostFirst);
        if (route == null) {
            route = route(innermostFirst);
            routesByTemplates.putIfAbsent(List.copyOf(innermostFirst), route);
        }
        return route;
    }

    private static String route(List<UriTemplate> innermostFirst) {
        return HttpLabels.route(outermostFirst(innermostFirst));
    }

    private static List<String> outermostFirst(List<UriTemplate> innermostFirst) {
        List<String> templates = new ArrayList<>(innermostFirst.size());
        for (int i = innermostFirst.size() - 1; i >= 0; i--) {
            templates.add(innermostFirst.get(i).getTemplate());
        }
        return templates;
    }
}
