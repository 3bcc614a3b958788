package io.dwprom.lint.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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

    /** The ids of all rules, for validating configuration. */
    public static Set<String> ids() {
        return defaults(Limits.DEFAULT).stream().map(Rule::id).collect(Collectors.toUnmodifiableSet());
    }

    /** Only the rules {@code promtool check metrics} applies, with its wording. */
    public static List<Rule> promtool() {
        List<Rule> promtool = new ArrayList<>();
        for (Rule rule : defaults(Limits.DEFAULT)) {
            if (rule.promtoolCompatible()) {
                promtool.add(rule);
            }
        }
        return List.copyOf(promtool);
    }
}
