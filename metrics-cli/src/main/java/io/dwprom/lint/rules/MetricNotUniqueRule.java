package io.dwprom.lint.rules;

import io.dwprom.lint.Family;

/**
 * promtool 3.x's {@code metric not unique}: a counter's, gauge's or untyped family's sample line whose labels (names
 * and values, in their order) a later line of the family repeats. Only in promtool 3.x's output: {@code lint} reports
 * repeated series as {@code duplicate-series}, whatever the label order.
 */
public final class MetricNotUniqueRule extends FamilyRule {
    public MetricNotUniqueRule() {
        super("metric-not-unique", Severity.ERROR, true);
    }

    @Override
    protected void check(Family family, Reporter reporter) {
        if (family.promtoolNotUnique() > 0) {
            reporter.report(family.name(), "metric not unique", family.promtoolNotUnique());
        }
    }
}
