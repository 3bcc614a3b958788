package io.dwprom.lint.rules;

import io.dwprom.lint.Family;
import io.dwprom.lint.LabelStats;
import io.dwprom.scrape.parse.MetricType;

/** {@code le} belongs to histograms and {@code quantile} to summaries (promtool counts each metric). */
public final class ReservedLabelRule extends FamilyRule {
    public ReservedLabelRule() {
        super("reserved-label", Severity.ERROR, true);
    }

    @Override
    protected void check(Family family, Reporter reporter) {
        MetricType type = family.type();
        if (type.isUntyped()) {
            return;
        }
        boolean histogram = type.isHistogram();
        for (LabelStats label : family.labels()) {
            if (!histogram && label.name().equals("le") && label.promtoolMetrics() > 0) { // 3.x: a gauge histogram's le is no label
                reporter.report(family.name(), "non-histogram metrics should not have \"le\" label", label.promtoolMetrics());
            }
            if (type != MetricType.SUMMARY && label.name().equals("quantile")) {
                reporter.report(family.name(), "non-summary metrics should not have \"quantile\" label", label.promtoolMetrics());
            }
        }
    }
}
