package io.dwprom.lint.report;

import io.dwprom.lint.rules.LintResult;

import java.io.PrintWriter;

/** Renders a lint result for one source. */
public interface LintReport {
    void write(LintResult result, String source, PrintWriter out);
}
