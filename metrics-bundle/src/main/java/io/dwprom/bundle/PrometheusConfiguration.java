package io.dwprom.bundle;

import io.dropwizard.core.Configuration;

/**
 * How {@link PrometheusBundle} finds its settings in the application's configuration; usually a method
 * reference such as {@code MyConfiguration::getPrometheus}.
 *
 * @param <T> the application's configuration type
 */
@FunctionalInterface
public interface PrometheusConfiguration<T extends Configuration> {

    PrometheusFactory getPrometheusFactory(T configuration);
}
