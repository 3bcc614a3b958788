package io.dwprom.lint.rules;

import io.dwprom.lint.Family;
import io.dwprom.lint.LabelStats;

/** Label names starting with {@code __} are reserved for Prometheus' internal use. */
public final class ReservedLabelPrefixRule extends FamilyRule {
    public ReservedLabelPrefixRule() {
        super("reserved-label-prefix", Severity.ERROR, false);
    }

    @Override
    protected void check(Family family, Reporter reporter) {
        for (LabelStats label : family.labels()) {
            if (label.name().startsWith("__")) {
                reporter.report(family.name(), "label name \"" + label.name() + "\" uses the reserved \"__\" prefix");
            }
        }
    }
}
