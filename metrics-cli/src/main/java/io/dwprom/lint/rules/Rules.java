package io.dwprom.lint.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The ordered default rule list: first the promtool (promlint) rules, then the extended ones. */
public final class Rules {
    private Rules() {
    }

    /** The rules of {@code lint}, promlint's as promtool 3.x has them. */
    public static List<Rule> defaults(Limits limits) {
        return defaults(limits, PromtoolVersion.V3);
    }

    private static List<Rule> defaults(Limits limits, PromtoolVersion version) {
        return List.of(
                new HelpMissingRule(),
                new NonBaseUnitRule(version),
                new CounterTotalSuffixRule(),
                new NonCounterTotalSuffixRule(),
                new ReservedSuffixRule(),
                new ReservedLabelRule(),
                new TypeInNameRule(version),
                new ReservedCharsRule(),
                new CamelCaseRule(),
                new UnitAbbreviationRule(),
                new TypeMissingRule(),
                new ReservedLabelPrefixRule(),
                new Utf8NameRule(),
                new DuplicateSeriesRule(),
                new HistogramSanityRule(),
                new UnitSuffixRule(),
                new UnboundedLabelRule(),
                new FamilySeriesBudgetRule(limits.familySeries()),
                new TotalSeriesBudgetRule(limits.totalSeries()));
    }

    /** The ids of all rules, for validating configuration. */
    public static Set<String> ids() {
        Set<String> ids = new TreeSet<>();
        for (Rule rule : defaults(Limits.DEFAULT)) {
            ids.add(rule.id());
        }
        for (Rule rule : promtool(PromtoolVersion.V3)) {
            ids.add(rule.id());
        }
        return Collections.unmodifiableSet(ids);
    }

    /** Only the rules {@code promtool check metrics} of {@code version} applies, with its wording. */
    public static List<Rule> promtool(PromtoolVersion version) {
        List<Rule> promtool = new ArrayList<>();
        for (Rule rule : defaults(Limits.DEFAULT, version)) {
            if (rule.promtoolCompatible()) {
                promtool.add(rule);
            }
        }
        if (version == PromtoolVersion.V3) {
            promtool.add(new MetricNotUniqueRule());
        }
        return List.copyOf(promtool);
    }
}
