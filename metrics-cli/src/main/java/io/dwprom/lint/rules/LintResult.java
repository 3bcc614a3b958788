package io.dwprom.lint.rules;

import io.dwprom.lint.Scrape;

import java.util.List;

/** Problems found (sorted), problems silenced by suppressions, and the scrape they came from. */
public record LintResult(Scrape scrape, List<Problem> problems, List<Problem> suppressed) {

    /** Whether any problem reaches {@code threshold}. */
    public boolean hasProblemsAtLeast(Severity threshold) {
        for (Problem p : problems) {
            if (p.severity().atLeast(threshold)) {
                return true;
            }
        }
        return false;
    }

    public long count(Severity severity) {
        long n = 0;
        for (Problem p : problems) {
            if (p.severity() == severity) {
                n++;
            }
        }
        return n;
    }
}
