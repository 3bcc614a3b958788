package io.dwprom.lint.rules;

import io.dwprom.lint.Family;
import io.dwprom.lint.LabelStats;

/** Labels whose values look like IDs (UUIDs, e-mails, hashes, timestamps, ...) grow without bound. */
public final class UnboundedLabelRule extends FamilyRule {
    public UnboundedLabelRule() {
        super("unbounded-label-values", Severity.WARNING, false);
    }

    @Override
    protected void check(Family family, Reporter reporter) {
        for (LabelStats label : family.labels()) {
            if (label.unboundedKind() != null) {
                reporter.report(family.name(), "label \"" + label.name() + "\" has values that look unbounded ("
                        + label.unboundedKind() + "), e.g. \"" + label.unboundedExample() + "\"; "
                        + label.distinctValues() + " distinct values");
            }
        }
    }
}
