package io.dwprom.internal.exposition;

import java.util.Map;

/** A Prometheus name and labels derived from a Dropwizard metric name. */
record MappedName(String name, Map<String, String> labels) {
}
