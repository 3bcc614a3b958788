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
        List<Problem> kept = new ArrayList<>();
        List<Problem> suppressed = new ArrayList<>();
        for (Rule rule : rules) {
            Severity severity = severityOverrides.getOrDefault(rule.id(), rule.severity());
            rule.check(scrape, (family, message, occurrences) -> {
                Problem p = new Problem(family, rule.id(), severity, message, occurrences);
                (suppressions.stream().anyMatch(s -> s.matches(p)) ? suppressed : kept).add(p);
            });
        }
        kept.sort(null);
        suppressed.sort(null);
        return new LintResult(scrape, List.copyOf(kept), List.copyOf(suppressed));
    }
}
