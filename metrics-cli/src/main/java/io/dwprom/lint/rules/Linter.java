package io.dwprom.lint.rules;

import io.dwprom.lint.Scrape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs rules over a scrape, applies severity overrides and suppressions, and sorts the problems. */
public final class Linter {
    private final List<Rule> rules;
    private final List<Suppression> suppressions;
    private final Map<String, Severity> severityOverrides;

    public Linter(List<Rule> rules, List<Suppression> suppressions, Map<String, Severity> severityOverrides) {
        this.rules = List.copyOf(rules);
        this.suppressions = List.copyOf(suppressions);
        this.severityOverrides = Map.copyOf(severityOverrides);
    }

    public Linter(List<Rule> rules) {
        this(rules, List.of(), Map.of());
    }

    public LintResult lint(Scrape scrape) {
        Collector collector = new Collector();
        for (Rule rule : rules) {
            collector.rule = rule.id();
            collector.severity = severityOverrides.getOrDefault(rule.id(), rule.severity());
            rule.check(scrape, collector);
        }
        collector.kept.sort(null);
        collector.suppressed.sort(null);
        return new LintResult(scrape, List.copyOf(collector.kept), List.copyOf(collector.suppressed));
    }

    /** Files each finding of the current rule as kept or suppressed. */
    private final class Collector implements Reporter {
        private final List<Problem> kept = new ArrayList<>();
        private final List<Problem> suppressed = new ArrayList<>();
        private String rule;
        private Severity severity;

        @Override
        public void report(String family, String message, long occurrences) {
            Problem p = new Problem(family, rule, severity, message, occurrences);
            (isSuppressed(p) ? suppressed : kept).add(p);
        }

        private boolean isSuppressed(Problem p) {
            for (Suppression s : suppressions) {
                if (s.matches(p)) {
                    return true;
                }
            }
            return false;
        }
    }
}
