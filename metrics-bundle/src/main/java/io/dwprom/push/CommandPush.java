package io.dwprom.push;

import io.dwprom.bundle.PushFactory;
import io.dwprom.internal.health.HealthMetrics;
import io.dwprom.internal.push.CommandMetrics;
import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.PushGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Pushes a command's metrics to a Pushgateway when the command ends, successfully or not. A command wraps its
 * work in {@link #run(CommandBody)}:
 *
 * <pre>{@code
 * protected void run(Environment environment, Namespace namespace, MyConfiguration configuration) throws Exception {
 *     prometheus.commandPush(getName()).run(() -> importFile(namespace.get("file")));
 * }
 * }</pre>
 *
 * The push carries every family of the application's registry (those the command recorded into included), except
 * the health gauges, which describe a serving instance and would run the checks, plus {@link CommandMetrics}.
 * It uses {@code pushAdd} (HTTP POST): families of the same name replace those of the previous run, so the last
 * success time survives a failed run. A push that fails is logged once, as a warning, and never changes how the
 * command ends: its exception, if any, is thrown on unchanged.
 */
public final class CommandPush {

    private static final Logger LOG = LoggerFactory.getLogger(CommandPush.class);

    private final String command;
    private final String job;
    private final Map<String, String> groupingKey;
    private final URL url;
    private final CollectorRegistry registry;

    private CommandPush(String command, String job, Map<String, String> groupingKey, URL url,
                        CollectorRegistry registry) {
        this.command = command;
        this.job = job;
        this.groupingKey = groupingKey;
        this.url = url;
        this.registry = registry;
    }

    /**
     * A push of {@code registry} for {@code command} as {@code config} says; one that pushes nothing when the push
     * is not enabled. For a {@code ConfiguredCommand}, where bundles do not run, pass a registry of its own.
     */
    public static CommandPush create(String command, PushFactory config, CollectorRegistry registry) {
        if (!config.isEnabled()) {
            return new CommandPush(command, null, Map.of(), null, registry);
        }
        String job = config.getJob().isBlank() ? command : config.getJob();
        try {
            return new CommandPush(command, job, Map.copyOf(config.getGroupingKey()), new URL(config.getUrl()),
                    registry);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("prometheus.push.url is not a URL: " + config.getUrl(), e);
        }
    }

    /** Runs {@code body}, then pushes; rethrows what {@code body} threw, after the push. */
    public void run(CommandBody body) throws Exception {
        long started = System.nanoTime();
        boolean succeeded = false;
        try {
            body.run();
            succeeded = true;
        } finally {
            push(new CommandMetrics.Outcome(succeeded, System.currentTimeMillis() / 1000.0,
                    (System.nanoTime() - started) / 1e9));
        }
    }

    private void push(CommandMetrics.Outcome outcome) {
        if (url == null) {
            return;
        }
        try {
            new PushGateway(url).pushAdd(new PushedFamilies(registry, outcome), job, groupingKey);
            LOG.info("Pushed the metrics of {} to the Pushgateway at {} (job {}, grouping key {})",
                    command, url, job, groupingKey);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not push the metrics of {} to the Pushgateway at {}: {}; the command's result is "
                    + "unaffected", command, url, e.toString());
        }
    }

    /** The registry's families but the health gauges, and the outcome's. */
    private static final class PushedFamilies extends Collector {

        private final CollectorRegistry registry;
        private final CommandMetrics.Outcome outcome;

        PushedFamilies(CollectorRegistry registry, CommandMetrics.Outcome outcome) {
            this.registry = registry;
            this.outcome = outcome;
        }

        @Override
        public List<MetricFamilySamples> collect() {
            List<MetricFamilySamples> families = new ArrayList<>(Collections.list(registry.filteredMetricFamilySamples(
                    name -> !name.equals(HealthMetrics.CHECK_HEALTHY) && !name.equals(HealthMetrics.OVERALL_HEALTHY))));
            families.addAll(CommandMetrics.families(outcome));
            return families;
        }
    }
}
