package io.dwprom.lint.rules;

import io.dwprom.lint.Family;

/** A family must stay under its series budget (distinct label combinations). */
public final class FamilySeriesBudgetRule extends FamilyRule {
    private final long limit;

    /** @param limit the family is reported when it has {@code limit} series or more */
    public FamilySeriesBudgetRule(long limit) {
        super("family-cardinality", Severity.ERROR, false);
        this.limit = limit;
    }

    @Override
    protected void check(Family family, Reporter reporter) {
        if (family.seriesCount() >= limit) {
            reporter.report(family.name(), family.seriesCount() + " series; the budget per family is under " + limit);
        }
    }
}
