package io.dwprom.lint.rules;

import io.dwprom.lint.Family;
import io.dwprom.lint.LabelStats;

/** Metric and label names should be snake_case (promtool reports a label once per metric carrying it). */
public final class CamelCaseRule extends FamilyRule {
    public CamelCaseRule() {
        super("camel-case", Severity.WARNING, true);
    }

    @Override
    protected void check(Family family, Reporter reporter) {
        if (isCamelCase(family.name())) {
            reporter.report(family.name(), "metric names should be written in 'snake_case' not 'camelCase'");
        }
        for (LabelStats label : family.labels()) {
            if (isCamelCase(label.name()) && label.promtoolMetrics() > 0) {
                reporter.report(family.name(), "label names should be written in 'snake_case' not 'camelCase'",
                        label.promtoolMetrics());
            }
        }
    }

    /** A lower-case letter directly followed by an upper-case one. */
    static boolean isCamelCase(String name) {
        for (int i = 1; i < name.length(); i++) {
            char prev = name.charAt(i - 1);
            char c = name.charAt(i);
            if (prev >= 'a' && prev <= 'z' && c >= 'A' && c <= 'Z') {
                return true;
            }
        }
        return false;
    }
}
