package io.dwprom.business;

import io.prometheus.client.Collector;

import java.util.List;

/** Exports a fixed list of {@link RegistryFamily}s. */
final class RegistryFamilyCollector extends Collector {

    private final List<RegistryFamily> families;

    RegistryFamilyCollector(List<RegistryFamily> families) {
        this.families = List.copyOf(families);
    }

    @Override
    public List<MetricFamilySamples> collect() {
        return families.stream().map(RegistryFamily::collect).toList();
    }
}
