package io.dwprom.internal.health;

/**
 * The state of one health check as a scrape reports it.
 *
 * @param name    the check's name in Dropwizard's {@code HealthCheckRegistry}
 * @param healthy its last result, or Dropwizard's scheduled state
 * @param counts  whether it decides the overall state: every check run by the bundle does (as on Dropwizard's
 *                admin {@code /healthcheck}); a scheduled check only when it is critical (as in Dropwizard's
 *                {@code health:} state)
 */
record CheckResult(String name, boolean healthy, boolean counts) {
}
