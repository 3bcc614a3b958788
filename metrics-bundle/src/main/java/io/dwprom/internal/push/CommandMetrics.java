package io.dwprom.internal.push;

import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.GaugeMetricFamily;

import java.util.ArrayList;
import java.util.List;

/**
 * The families describing how a command ended, after Prometheus' guidance for batch jobs: the time of the last
 * success (pushed only by a success, so a failed run leaves it as it was and an alert on its age fires), the time
 * of the last failure (pushed only by a failure), and the last run's duration and outcome.
 */
public final class CommandMetrics {

    public static final String LAST_SUCCESS = "command_last_success_timestamp_seconds";
    public static final String LAST_FAILURE = "command_last_failure_timestamp_seconds";
    public static final String DURATION = "command_duration_seconds";
    public static final String SUCCEEDED = "command_succeeded";

    private CommandMetrics() {
    }

    /** How one run ended. */
    public record Outcome(boolean succeeded, double endedAtEpochSeconds, double durationSeconds) {
    }

    /** The families a push of {@code outcome} carries. */
    public static List<MetricFamilySamples> families(Outcome outcome) {
        List<MetricFamilySamples> families = new ArrayList<>();
        if (outcome.succeeded()) {
            families.add(gauge(LAST_SUCCESS, "When the command last ended successfully, in Unix time.",
                    outcome.endedAtEpochSeconds()));
        } else {
            families.add(gauge(LAST_FAILURE, "When the command last ended with an error, in Unix time.",
                    outcome.endedAtEpochSeconds()));
        }
        families.add(gauge(DURATION, "How long the command's last run took.", outcome.durationSeconds()));
        families.add(gauge(SUCCEEDED, "Whether the command's last run succeeded (1) or ended with an error (0).",
                outcome.succeeded() ? 1 : 0));
        return families;
    }

    private static GaugeMetricFamily gauge(String name, String help, double value) {
        return new GaugeMetricFamily(name, help, value);
    }
}
