package io.dwprom.lint.rules;

import java.util.Comparator;

/**
 * One finding: the family it concerns, the rule, its severity and message. {@code occurrences}
 * counts identical findings (promtool prints one line per occurrence).
 */
public record Problem(String family, String rule, Severity severity, String message, long occurrences)
        implements Comparable<Problem> {

    /** Family name used for problems about the whole scrape. */
    public static final String SCRAPE = "(scrape)";

    private static final Comparator<Problem> ORDER = Comparator.comparing(Problem::family)
            .thenComparing(Problem::message).thenComparing(Problem::rule);

    @Override
    public int compareTo(Problem other) {
        return ORDER.compare(this, other);
    }
}
