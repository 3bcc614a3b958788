package io.dwprom.lint.rules;

import io.dwprom.lint.Family;
import io.dwprom.lint.LabelStats;
import io.dwprom.scrape.parse.Names;

/**
 * Metric and label names outside the legacy character set ({@code [a-zA-Z_:][a-zA-Z0-9_:]*}, no ':' in label names),
 * written quoted ({@code {"my.metric","label.name"="v"}}): only scrapers with UTF-8 names (Prometheus 3) read them.
 * promtool 3.x's {@code check metrics} refuses them as a parse error, so this rule is metrics-lint's own.
 */
public final class Utf8NameRule extends FamilyRule {
    public Utf8NameRule() {
        super("utf8-name", Severity.WARNING, false);
    }

    @Override
    protected void check(Family family, Reporter reporter) {
        if (!Names.isLegacy(family.name(), true)) {
            reporter.report(family.name(), "metric name " + Names.quoted(family.name()) + " is valid only with UTF-8 names:"
                    + " Prometheus 2.x and promtool check metrics refuse it (legacy names: letters, digits, '_', ':')");
        }
        for (LabelStats label : family.labels()) {
            if (!Names.isLegacy(label.name(), false)) {
                reporter.report(family.name(), "label name " + Names.quoted(label.name()) + " is valid only with UTF-8 names:"
                        + " Prometheus 2.x and promtool check metrics refuse it (legacy names: letters, digits, '_')");
            }
        }
    }
}
