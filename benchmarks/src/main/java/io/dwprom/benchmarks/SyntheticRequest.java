package io.dwprom.benchmarks;

import com.codahale.metrics.annotation.Timed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.model.ResourceModel;
import org.glassfish.jersey.server.model.RuntimeResource;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.glassfish.jersey.uri.UriTemplate;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;

/**
 * One {@code GET /experiments/42} answered 200 with a small JSON body, as Jersey presents it to an
 * {@link ApplicationEventListener} and a {@link WriterInterceptor}: the real {@link ContainerRequest} and
 * {@link ContainerResponse}, the request events of a plain GET in Jersey's order, the matched templates
 * innermost first and the matched resource method (built by Jersey's own model from {@link ExperimentsResource}).
 * Jersey's routing, the resource and Jetty are not run: they cost the same with or without metrics.
 *
 * <p>Jersey builds request event objects whenever any event listener is registered, and Dropwizard always
 * registers one ({@code InstrumentedResourceMethodApplicationListener}), so event objects are created once here
 * and not charged to the listener under test.
 */
final class SyntheticRequest {

    /** The shape of a demo resource; {@code @Timed} only matters to Dropwizard's own listener. */
    @Path("/experiments")
    public static class ExperimentsResource {
        @GET
        @Path("{id}")
        @Timed
        public String find(@PathParam("id") long id) {
            return "{}";
        }
    }

    static final ResourceModel MODEL = new ResourceModel.Builder(
            List.of(Resource.from(ExperimentsResource.class)), false).build();
    static final ResourceMethod METHOD = MODEL.getResources().get(0).getChildResources().get(0)
            .getResourceMethods().get(0);
    private static final List<RequestEvent.Type> EVENTS_OF_A_GET = List.of(
            RequestEvent.Type.MATCHING_START, RequestEvent.Type.REQUEST_MATCHED, RequestEvent.Type.REQUEST_FILTERED,
            RequestEvent.Type.RESOURCE_METHOD_START, RequestEvent.Type.RESOURCE_METHOD_FINISHED,
            RequestEvent.Type.RESP_FILTERS_START, RequestEvent.Type.RESP_FILTERS_FINISHED,
            RequestEvent.Type.FINISHED);

    final ContainerRequest request;
    final ContainerResponse response;
    final UriInfo uriInfo = new UriInfo();
    final Event start;
    final Event[] events;
    final byte[] body;
    final WriterContext writer;
    /** Per request (so per thread): a shared sink would make two threads contend on its counter. */
    final Discard discard = new Discard();

    SyntheticRequest(int bodyBytes) {
        request = new ContainerRequest(URI.create("http://127.0.0.1:8080/"),
                URI.create("http://127.0.0.1:8080/experiments/42"), "GET", null, new MapPropertiesDelegate(), null);
        response = new ContainerResponse(request, Response.ok().build());
        start = new Event(RequestEvent.Type.START, this);
        events = EVENTS_OF_A_GET.stream().map(type -> new Event(type, this)).toArray(Event[]::new);
        body = "x".repeat(bodyBytes).getBytes(StandardCharsets.US_ASCII);
        writer = new WriterContext(this);
    }

    /** Delivers the events of one request to {@code listener}, writing the body on the way, as Jersey does. */
    void serve(ApplicationEventListener listener, WriterInterceptor interceptor) throws IOException {
        RequestEventListener perRequest = listener.onRequest(start);
        for (Event event : events) {
            if (event.type == RequestEvent.Type.RESP_FILTERS_FINISHED) {
                writeBody(interceptor);
            }
            if (perRequest != null) {
                perRequest.onEvent(event);
            }
        }
    }

    /** Writes the response body through {@code interceptor} (or directly when null) to a discarding stream. */
    void writeBody(WriterInterceptor interceptor) throws IOException {
        writer.outputStream = discard;
        if (interceptor == null) {
            writer.proceed();
        } else {
            interceptor.aroundWriteTo(writer);
        }
    }

    static final class Discard extends OutputStream {
        long written;

        @Override
        public void write(int b) {
            written++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            written += len;
        }
    }

    static final class Event implements RequestEvent {
        final Type type;
        final SyntheticRequest owner;

        Event(Type type, SyntheticRequest owner) {
            this.type = type;
            this.owner = owner;
        }

        @Override public Type getType() { return type; }
        @Override public ContainerRequest getContainerRequest() { return owner.request; }
        @Override public ContainerResponse getContainerResponse() {
            return type == Type.FINISHED || type == Type.RESP_FILTERS_START || type == Type.RESP_FILTERS_FINISHED
                    ? owner.response : null;
        }
        @Override public Throwable getException() { return null; }
        @Override public ExtendedUriInfo getUriInfo() { return owner.uriInfo; }
        @Override public ExceptionMapper<?> getExceptionMapper() { return null; }
        @Override public Iterable<jakarta.ws.rs.container.ContainerRequestFilter> getContainerRequestFilters() { return List.of(); }
        @Override public Iterable<jakarta.ws.rs.container.ContainerResponseFilter> getContainerResponseFilters() { return List.of(); }
        @Override public boolean isSuccess() { return true; }
        @Override public boolean isResponseSuccessfullyMapped() { return false; }
        @Override public ExceptionCause getExceptionCause() { return null; }
        @Override public boolean isResponseWritten() { return type == Type.FINISHED; }
    }

    /** What Jersey's routing context answers after matching {@code /experiments/{id}}. */
    static final class UriInfo implements ExtendedUriInfo {
        // Jersey keeps the matched templates in a LinkedList and hands out an unmodifiable view.
        private final LinkedList<UriTemplate> templates =
                new LinkedList<>(List.of(new UriTemplate("{id}"), new UriTemplate("/experiments")));

        @Override public List<UriTemplate> getMatchedTemplates() { return Collections.unmodifiableList(templates); }
        @Override public ResourceMethod getMatchedResourceMethod() { return METHOD; }
        @Override public Throwable getMappedThrowable() { return null; }
        @Override public List<MatchResult> getMatchedResults() { return List.of(); }
        @Override public List<PathSegment> getPathSegments(String name) { return List.of(); }
        @Override public List<PathSegment> getPathSegments(String name, boolean decode) { return List.of(); }
        @Override public List<RuntimeResource> getMatchedRuntimeResources() { return List.of(); }
        @Override public Resource getMatchedModelResource() { return null; }
        @Override public List<ResourceMethod> getMatchedResourceLocators() { return List.of(); }
        @Override public List<Resource> getLocatorSubResources() { return List.of(); }
        @Override public String getPath() { return "experiments/42"; }
        @Override public String getPath(boolean decode) { return "experiments/42"; }
        @Override public List<PathSegment> getPathSegments() { return List.of(); }
        @Override public List<PathSegment> getPathSegments(boolean decode) { return List.of(); }
        @Override public URI getRequestUri() { return null; }
        @Override public UriBuilder getRequestUriBuilder() { return null; }
        @Override public URI getAbsolutePath() { return null; }
        @Override public UriBuilder getAbsolutePathBuilder() { return null; }
        @Override public URI getBaseUri() { return null; }
        @Override public UriBuilder getBaseUriBuilder() { return null; }
        @Override public MultivaluedMap<String, String> getPathParameters() { return null; }
        @Override public MultivaluedMap<String, String> getPathParameters(boolean decode) { return null; }
        @Override public MultivaluedMap<String, String> getQueryParameters() { return null; }
        @Override public MultivaluedMap<String, String> getQueryParameters(boolean decode) { return null; }
        @Override public List<String> getMatchedURIs() { return List.of(); }
        @Override public List<String> getMatchedURIs(boolean decode) { return List.of(); }
        @Override public List<Object> getMatchedResources() { return List.of(); }
        @Override public URI resolve(URI uri) { return uri; }
        @Override public URI relativize(URI uri) { return uri; }
    }

    /** Jersey's writer interceptor context: properties are the request's, proceed() writes the entity. */
    static final class WriterContext implements WriterInterceptorContext {
        private final SyntheticRequest owner;
        OutputStream outputStream;

        WriterContext(SyntheticRequest owner) {
            this.owner = owner;
        }

        @Override public void proceed() throws IOException { outputStream.write(owner.body, 0, owner.body.length); }
        @Override public Object getEntity() { return owner.body; }
        @Override public void setEntity(Object entity) { }
        @Override public OutputStream getOutputStream() { return outputStream; }
        @Override public void setOutputStream(OutputStream os) { outputStream = os; }
        @Override public MultivaluedMap<String, Object> getHeaders() { return null; }
        @Override public Object getProperty(String name) { return owner.request.getProperty(name); }
        @Override public Collection<String> getPropertyNames() { return owner.request.getPropertyNames(); }
        @Override public void setProperty(String name, Object object) { owner.request.setProperty(name, object); }
        @Override public void removeProperty(String name) { owner.request.removeProperty(name); }
        @Override public Annotation[] getAnnotations() { return new Annotation[0]; }
        @Override public void setAnnotations(Annotation[] annotations) { }
        @Override public Class<?> getType() { return byte[].class; }
        @Override public void setType(Class<?> type) { }
        @Override public java.lang.reflect.Type getGenericType() { return byte[].class; }
        @Override public void setGenericType(java.lang.reflect.Type genericType) { }
        @Override public jakarta.ws.rs.core.MediaType getMediaType() { return jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE; }
        @Override public void setMediaType(jakarta.ws.rs.core.MediaType mediaType) { }
    }

    /** The application event that makes Dropwizard's listener register the timers of {@link #MODEL}. */
    static ApplicationEvent initialised() {
        return new ApplicationEvent() {
            @Override public Type getType() { return Type.INITIALIZATION_APP_FINISHED; }
            @Override public ResourceConfig getResourceConfig() { return null; }
            @Override public Set<Class<?>> getRegisteredClasses() { return Set.of(); }
            @Override public Set<Object> getRegisteredInstances() { return Set.of(); }
            @Override public Set<Class<?>> getProviders() { return Set.of(); }
            @Override public ResourceModel getResourceModel() { return MODEL; }
        };
    }
}
