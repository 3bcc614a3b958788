package io.dwprom.registry;

import io.prometheus.client.Collector;

import java.util.List;

/**
 * Exports one {@link RegistryFamily}. One collector per family, so that {@code CollectorRegistry} checks each name
 * against every other collector when the family is defined.
 */
final class RegistryFamilyCollector extends Collector implements Collector.Describable {

    private final RegistryFamily family;

    RegistryFamilyCollector(RegistryFamily family) {
        this.family = family;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        return List.of(family.collect());
    }

    /** The family as it is now: its name, type and help are what the registry checks for conflicts. */
    @Override
    public List<MetricFamilySamples> describe() {
        return collect();
    }
}
