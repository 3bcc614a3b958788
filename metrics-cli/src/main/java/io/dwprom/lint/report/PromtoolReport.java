package io.dwprom.lint.report;

import io.dwprom.lint.rules.LintResult;
import io.dwprom.lint.rules.Problem;

import java.io.PrintWriter;

/** {@code FAMILY TEXT} lines exactly as {@code promtool check metrics} prints them, one per occurrence. */
public final class PromtoolReport implements LintReport {
    @Override
    public void write(LintResult result, String source, PrintWriter out) {
        for (Problem p : result.problems()) {
            for (long i = 0; i < p.occurrences(); i++) {
                out.println(p.family() + " " + p.message());
            }
        }
        out.flush();
    }
}
