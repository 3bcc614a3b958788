package io.dwprom.lint.rules;

import io.dwprom.lint.Family;

/** The same series (name and label set) must not appear twice in one scrape. */
public final class DuplicateSeriesRule extends FamilyRule {
    public DuplicateSeriesRule() {
        super("duplicate-series", Severity.ERROR, false);
    }

    @Override
    protected void check(Family family, Reporter reporter) {
        if (family.duplicateSeries() > 0) {
            reporter.report(family.name(), family.duplicateSeries() + " duplicate series, first: " + family.firstDuplicate());
        }
    }
}
