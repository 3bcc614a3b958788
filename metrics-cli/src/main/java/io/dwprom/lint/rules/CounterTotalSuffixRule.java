package io.dwprom.lint.rules;

import io.dwprom.lint.Family;
import io.dwprom.scrape.parse.MetricType;

/** Counters must end in {@code _total} (an OpenMetrics counter whose samples are {@code <name>_total} passes). */
public final class CounterTotalSuffixRule extends FamilyRule {
    public CounterTotalSuffixRule() {
        super("counter-total-suffix", Severity.ERROR, true);
    }

    @Override
    protected void check(Family family, Reporter reporter) {
        if (family.type() == MetricType.COUNTER && !family.name().endsWith("_total") && !family.hasTotalSuffixSamples()) {
            reporter.report(family.name(), "counter metrics should have \"_total\" suffix");
        }
    }
}
