package io.dwprom.internal.exposition;


import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import io.prometheus.client.dropwizard.samplebuilder.SampleBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Names the samples of the Dropwizard bridge: the first {@link MappingRule} that matches gives name and labels;
 * otherwise the dotted name becomes snake_case ({@code org.eclipse.jetty.QueuedThreadPool.dw.jobQueue} becomes
 * {@code org_eclipse_jetty_queued_thread_pool_dw_job_queue}), which passes Prometheus's linters where plain
 * sanitising would keep camelCase. Mappings are computed once per Dropwizard name.
 */
public final class BridgeSampleBuilder implements SampleBuilder {

    private final List<MappingRule> rules;
    private final ConcurrentMap<String, MappedName> mapped = new ConcurrentHashMap<>();

    public BridgeSampleBuilder(List<MappingRule> rules) {
        this.rules = List.copyOf(rules);
    }

    @Override
    public Sample createSample(String dropwizardName, String nameSuffix, List<String> additionalLabelNames,
                               List<String> additionalLabelValues, double value) {
        MappedName name = mapped.computeIfAbsent(dropwizardName, this::map);
        String suffix = nameSuffix == null ? "" : nameSuffix;
        List<String> labelNames = new ArrayList<>(name.labels().size() + additionalLabelNames.size());
        List<String> labelValues = new ArrayList<>(labelNames.size());
        for (Map.Entry<String, String> label : name.labels().entrySet()) {
            labelNames.add(label.getKey());
            labelValues.add(label.getValue());
        }
        labelNames.addAll(additionalLabelNames);
        labelValues.addAll(additionalLabelValues);
        return new Sample(name.name() + suffix, labelNames, labelValues, value);
    }

    private MappedName map(String dropwizardName) {
        for (MappingRule rule : rules) {
            MappedName result = rule.apply(dropwizardName);
            if (result != null) {
                return new MappedName(snakeCase(result.name()), result.labels());
            }
        }
        return new MappedName(snakeCase(dropwizardName), Map.of());
    }

    /** {@code io.dropwizard.jetty.MutableServletContextHandler.2xx-responses} to snake_case, valid in Prometheus. */
    static String snakeCase(String name) {
        StringBuilder snake = new StringBuilder(name.length() + 8);
        char previous = '_';
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean upper = c >= 'A' && c <= 'Z';
            boolean boundary = upper && (Character.isLowerCase(previous) || Character.isDigit(previous)
                    || (Character.isUpperCase(previous) && i + 1 < name.length()
                    && Character.isLowerCase(name.charAt(i + 1))));
            if (boundary) {
                appendUnderscore(snake);
            }
            if (Character.isLetterOrDigit(c) && c < 128 || c == ':') {
                snake.append(Character.toLowerCase(c));
            } else {
                appendUnderscore(snake);
            }
            previous = c;
        }
        while (snake.length() > 0 && snake.charAt(snake.length() - 1) == '_') {
            snake.setLength(snake.length() - 1);
        }
        String result = snake.toString();
        return result.isEmpty() || Character.isDigit(result.charAt(0)) ? "_" + result : result;
    }

    private static void appendUnderscore(StringBuilder snake) {
        if (snake.length() > 0 && snake.charAt(snake.length() - 1) != '_') {
            snake.append('_');
        }
    }
}
