package io.dwprom.lint.rules;

import java.util.List;

/** The ordered default rule list: first the promtool (promlint) rules, then the extended ones. */
public final class Rules {
    private Rules() {
    }

    public static List<Rule> defaults(Limits limits) {
        return List.of(
                new HelpMissingRule(),
                new NonBaseUnitRule(),
                new CounterTotalSuffixRule(),
                new NonCounterTotalSuffixRule(),
                new ReservedSuffixRule(),
                new ReservedLabelRule(),
                new TypeInNameRule(),
                new ReservedCharsRule(),
                new CamelCaseRule(),
                new UnitAbbreviationRule(),
                new TypeMissingRule(),
                new ReservedLabelPrefixRule(),
                new DuplicateSeriesRule(),
                new HistogramSanityRule(),
                new UnitSuffixRule(),
                new UnboundedLabelRule(),
                new FamilySeriesBudgetRule(limits.familySeries()),
                new TotalSeriesBudgetRule(limits.totalSeries()));
    }

    /** Only the rules {@code promtool check metrics} applies, with its wording. */
    public static List<Rule> promtool() {
        return defaults(Limits.DEFAULT).stream().filter(Rule::promtoolCompatible).toList();
    }
}
