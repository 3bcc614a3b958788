package io.dwprom.bundle;

import io.dwprom.exposition.MappingRule;

import java.util.List;
import java.util.Map;

/** Built-in bridge rules for the metrics Dropwizard itself registers. */
final class DefaultMappings {

    static final List<MappingRule> RULES = List.of();

    private DefaultMappings() {
    }
}
