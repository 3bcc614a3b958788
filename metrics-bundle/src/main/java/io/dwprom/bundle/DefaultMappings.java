package io.dwprom.bundle;

import io.dwprom.internal.exposition.MappingRule;

import java.util.List;
import java.util.Map;

/**
 * Built-in bridge rules for the metrics Dropwizard 5 registers itself, giving them short, labelled, lint-clean
 * names. Specific rules come before the general ones they would otherwise fall under.
 */
final class DefaultMappings {

    private static final String JETTY_HANDLER = "io.dropwizard.jetty.MutableServletContextHandler.";
    private static final String THREAD_POOL = "org.eclipse.jetty.util.thread.QueuedThreadPool.";
    private static final String POOL = "io.dropwizard.db.ManagedPooledDataSource.";
    private static final String HEALTH_POOL = "TimeBoundHealthCheck-pool.";

    static final List<MappingRule> RULES = List.of(
            rule(JETTY_HANDLER + "*xx-responses", "jetty_responses", "code", "${0}xx"),
            rule(JETTY_HANDLER + "percent-*xx-*", "jetty_responses_ratio", "code", "${0}xx", "window", "${1}"),
            rule(JETTY_HANDLER + "active-*", "jetty_active_${0}"),
            rule(JETTY_HANDLER + "async-*", "jetty_async_${0}"),
            rule(JETTY_HANDLER + "requests", "jetty_requests_seconds"),
            rule(JETTY_HANDLER + "dispatches", "jetty_dispatches_seconds"),
            rule(JETTY_HANDLER + "*-requests", "jetty_requests_by_method_seconds", "method", "${0}"),
            rule(THREAD_POOL + "*.size", "jetty_thread_pool_threads", "pool", "${0}"),
            rule(THREAD_POOL + "*.*", "jetty_thread_pool_${1}", "pool", "${0}"),
            rule("org.eclipse.jetty.server.HttpConnectionFactory.**.connections",
                    "jetty_connection_duration_seconds", "connector", "${0}"),
            rule("ch.qos.logback.core.Appender.*", "logback_events", "level", "${0}"),
            rule(POOL + "*.size", "db_pool_size", "pool", "${0}"),
            rule(POOL + "*.*", "db_pool_${1}_connections", "pool", "${0}"),
            rule(HEALTH_POOL + "created", "health_check_pool_threads_started"),
            rule(HEALTH_POOL + "*", "health_check_pool_threads_${0}"),
            rule("io.dropwizard.jersey.errors.EofExceptionWriterInterceptor.eof-exceptions", "jersey_eof_exceptions"),
            rule("**.request.filtering", "jersey_request_filtering_seconds", "resource", "${0}"),
            rule("**.response.filtering", "jersey_response_filtering_seconds", "resource", "${0}"),
            rule("**.total", "jersey_request_total_seconds", "resource", "${0}"),
            rule("sql.raw", "jdbi_raw_statement_seconds"));

    private DefaultMappings() {
    }

    private static MappingRule rule(String match, String name, String... labelNamesAndValues) {
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        for (int i = 0; i < labelNamesAndValues.length; i += 2) {
            labels.put(labelNamesAndValues[i], labelNamesAndValues[i + 1]);
        }
        return new MappingRule(match, name, labels);
    }
}
