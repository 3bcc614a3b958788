package io.dwprom.lint.rules;

import io.dwprom.lint.Family;

/** Colons are reserved for recording rules. */
public final class ReservedCharsRule extends FamilyRule {
    public ReservedCharsRule() {
        super("reserved-chars", Severity.WARNING, true);
    }

    @Override
    protected void check(Family family, Reporter reporter) {
        if (family.name().indexOf(':') >= 0) {
            reporter.report(family.name(), "metric names should not contain ':'");
        }
    }
}
