package io.dwprom.lint.rules;

import io.dwprom.lint.Scrape;

/** The whole scrape must stay under its series budget. */
public final class TotalSeriesBudgetRule implements Rule {
    private final long limit;

    /** @param limit the scrape is reported when it has {@code limit} series or more */
    public TotalSeriesBudgetRule(long limit) {
        this.limit = limit;
    }

    @Override
    public String id() {
        return "total-cardinality";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public void check(Scrape scrape, Reporter reporter) {
        if (scrape.totalSeries() >= limit) {
            reporter.report(Problem.SCRAPE, scrape.totalSeries() + " series in total; the budget is under " + limit);
        }
    }
}
