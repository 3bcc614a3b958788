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
        if (!result.problems().isEmpty()) {
            row(out, ruleWidth, familyWidth, "LEVEL", "RULE", "FAMILY", "MESSAGE");
        }
        for (Problem p : result.problems()) {
            String times = p.occurrences() > 1 ? " (x" + p.occurrences() + ")" : "";
            row(out, ruleWidth, familyWidth, p.severity().label(), p.rule(), p.family(), p.message() + times);
        }
        out.println(source + ": " + result.problems().size() + " problems (" + result.count(Severity.ERROR) + " errors, "
                + result.count(Severity.WARNING) + " warnings, " + result.count(Severity.INFO) + " info), "
                + result.suppressed().size() + " suppressed; " + result.scrape().families().size() + " families, "
                + result.scrape().totalSeries() + " series");
        out.flush();
    }

    /** One row of left-aligned columns; padded by hand, as java.util.Formatter is slow to start. */
    private static void row(PrintWriter out, int ruleWidth, int familyWidth, String level, String rule, String family,
                            String message) {
        StringBuilder line = new StringBuilder(level.length() + ruleWidth + familyWidth + message.length() + 16);
        pad(line, level, 7).append("  ");
        pad(line, rule, ruleWidth).append("  ");
        pad(line, family, familyWidth).append("  ").append(message);
        out.println(line);
    }

    private static StringBuilder pad(StringBuilder line, String text, int width) {
        line.append(text);
        for (int i = text.length(); i < width; i++) {
            line.append(' ');
        }
        return line;
    }
}
