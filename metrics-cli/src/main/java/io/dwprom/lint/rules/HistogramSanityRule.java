package io.dwprom.lint.rules;

import io.dwprom.lint.Family;

/**
 * Histograms need a {@code +Inf} bucket, increasing {@code le}, non-decreasing bucket counts and a
 * {@code _count} equal to the {@code +Inf} bucket; summary quantiles must lie in [0, 1].
 */
public final class HistogramSanityRule extends FamilyRule {
    public HistogramSanityRule() {
        super("histogram-sanity", Severity.ERROR, false);
    }

    @Override
    protected void check(Family family, Reporter reporter) {
        for (String example : family.sanityExamples()) {
            reporter.report(family.name(), example);
        }
        long more = family.sanityProblems() - family.sanityExamples().size();
        if (more > 0) {
            reporter.report(family.name(), "... and " + more + " more histogram/summary problems");
        }
    }
}
