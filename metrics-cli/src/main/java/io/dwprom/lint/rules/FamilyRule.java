package io.dwprom.lint.rules;

import io.dwprom.lint.Family;
import io.dwprom.lint.Scrape;

/** Base class of rules that look at one family at a time. */
public abstract class FamilyRule implements Rule {
    private final String id;
    private final Severity severity;
    private final boolean promtoolCompatible;

    protected FamilyRule(String id, Severity severity, boolean promtoolCompatible) {
        this.id = id;
        this.severity = severity;
        this.promtoolCompatible = promtoolCompatible;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Severity severity() {
        return severity;
    }

    @Override
    public final boolean promtoolCompatible() {
        return promtoolCompatible;
    }

    @Override
    public final void check(Scrape scrape, Reporter reporter) {
        for (Family family : scrape.families()) {
            check(family, reporter);
        }
    }

    protected abstract void check(Family family, Reporter reporter);
}
