package io.dwprom.lint.rules;

import io.dwprom.lint.Family;
import io.dwprom.scrape.parse.MetricType;

/** {@code _bucket}, {@code _count} and {@code _sum} are reserved for histograms and summaries. */
public final class ReservedSuffixRule extends FamilyRule {
    public ReservedSuffixRule() {
        super("reserved-suffix", Severity.ERROR, true);
    }

    @Override
    protected void check(Family family, Reporter reporter) {
        MetricType type = family.type();
        if (type.isUntyped()) {
            return;
        }
        boolean histogram = type.isHistogram();
        boolean summary = type == MetricType.SUMMARY;
        String name = family.name();
        if (!histogram && name.endsWith("_bucket")) {
            reporter.report(name, "non-histogram metrics should not have \"_bucket\" suffix");
        }
        if (!histogram && !summary && name.endsWith("_count")) {
            reporter.report(name, "non-histogram and non-summary metrics should not have \"_count\" suffix");
        }
        if (!histogram && !summary && name.endsWith("_sum")) {
            reporter.report(name, "non-histogram and non-summary metrics should not have \"_sum\" suffix");
        }
    }
}
