package io.dwprom.lint.report;

import io.dwprom.lint.rules.LintResult;
import io.dwprom.lint.rules.Problem;
import io.dwprom.lint.rules.Severity;

import java.io.PrintWriter;

/** Aligned columns (severity, rule, family, message) followed by a one-line summary. */
public final class TextReport implements LintReport {
    @Override
    public void write(LintResult result, String source, PrintWriter out) {
        int ruleWidth = "RULE".length();
        int familyWidth = "FAMILY".length();
        for (Problem p : result.problems()) {
            ruleWidth = Math.max(ruleWidth, p.rule().length());
            familyWidth = Math.max(familyWidth, p.family().length());
        }
        String row = "%-7s  %-" + ruleWidth + "s  %-" + familyWidth + "s  %s%n";
        if (!result.problems().isEmpty()) {
            out.printf(row, "LEVEL", "RULE", "FAMILY", "MESSAGE");
        }
        for (Problem p : result.problems()) {
            String times = p.occurrences() > 1 ? " (x" + p.occurrences() + ")" : "";
            out.printf(row, p.severity().label(), p.rule(), p.family(), p.message() + times);
        }
        out.printf("%s: %d problems (%d errors, %d warnings, %d info), %d suppressed; %d families, %d series%n",
                source, result.problems().size(), result.count(Severity.ERROR), result.count(Severity.WARNING),
                result.count(Severity.INFO), result.suppressed().size(), result.scrape().families().size(),
                result.scrape().totalSeries());
        out.flush();
    }
}
