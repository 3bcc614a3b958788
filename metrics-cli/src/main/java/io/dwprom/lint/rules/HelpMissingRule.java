package io.dwprom.lint.rules;

import io.dwprom.lint.Family;

/** Every family should have HELP text (promtool: "no help text"). */
public final class HelpMissingRule extends FamilyRule {
    public HelpMissingRule() {
        super("help-missing", Severity.WARNING, true);
    }

    @Override
    protected void check(Family family, Reporter reporter) {
        if (!family.hasHelp()) {
            reporter.report(family.name(), "no help text");
        }
    }
}
