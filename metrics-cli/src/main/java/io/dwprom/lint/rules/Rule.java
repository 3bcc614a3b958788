package io.dwprom.lint.rules;

import io.dwprom.lint.Scrape;

/** A lint rule: inspects an analysed scrape and reports problems. */
public interface Rule {
    /** Stable identifier used in output and suppressions, e.g. {@code counter-total-suffix}. */
    String id();

    Severity severity();

    /** Whether {@code promtool check metrics} applies the same rule with the same wording. */
    default boolean promtoolCompatible() {
        return false;
    }

    void check(Scrape scrape, Reporter reporter);
}
