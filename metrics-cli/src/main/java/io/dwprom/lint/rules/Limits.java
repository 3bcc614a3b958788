package io.dwprom.lint.rules;

/** Series budgets: a family or scrape is reported when it reaches the limit. */
public record Limits(long familySeries, long totalSeries) {
    public static final Limits DEFAULT = new Limits(1_000, 10_000);

    public Limits {
        if (familySeries < 1 || totalSeries < 1) {
            throw new IllegalArgumentException("series limits must be positive");
        }
    }
}
