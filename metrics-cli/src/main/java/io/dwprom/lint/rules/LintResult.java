package io.dwprom.lint.rules;

import io.dwprom.lint.Scrape;

import java.util.List;

/** Problems found (sorted), problems silenced by suppressions, and the scrape they came from. */
public record LintResult(Scrape scrape, List<Problem> problems, List<Problem> suppressed) {

    /** Whether any problem reaches {@code threshold}. */
    public boolean hasProblemsAtLeast(Severity threshold) {
        return problems.stream().anyMatch(p -> p.severity().atLeast(threshold));
    }

    public long count(Severity severity) {
        return problems.stream().filter(p -> p.severity() == severity).count();
    }
}
