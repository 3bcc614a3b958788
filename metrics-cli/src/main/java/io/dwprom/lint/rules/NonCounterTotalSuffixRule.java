package io.dwprom.lint.rules;

import io.dwprom.lint.Family;
import io.dwprom.scrape.parse.MetricType;

/** Only counters may end in {@code _total} (untyped families are exempt, as in promtool). */
public final class NonCounterTotalSuffixRule extends FamilyRule {
    public NonCounterTotalSuffixRule() {
        super("non-counter-total-suffix", Severity.ERROR, true);
    }

    @Override
    protected void check(Family family, Reporter reporter) {
        MetricType type = family.type();
        if (!type.isUntyped() && type != MetricType.COUNTER && family.name().endsWith("_total")) {
            reporter.report(family.name(), "non-counter metrics should not have \"_total\" suffix");
        }
    }
}
