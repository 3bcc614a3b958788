package io.dwprom.lint.rules;


/**
 * One finding: the family it concerns, the rule, its severity and message. {@code occurrences}
 * counts identical findings (promtool prints one line per occurrence).
 */
public record Problem(String family, String rule, Severity severity, String message, long occurrences)
        implements Comparable<Problem> {

    /** Family name used for problems about the whole scrape. */
    public static final String SCRAPE = "(scrape)";

    /** By family, then message, then rule id. */
    @Override
    public int compareTo(Problem other) {
        int c = family.compareTo(other.family);
        if (c == 0) {
            c = message.compareTo(other.message);
        }
        return c != 0 ? c : rule.compareTo(other.rule);
    }
}
