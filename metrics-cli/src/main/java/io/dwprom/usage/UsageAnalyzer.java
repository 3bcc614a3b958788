package io.dwprom.usage;

import io.dwprom.promql.Expr.VectorSelector;
import io.dwprom.promql.LabelMatcher;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Judges an inventory's families and labels against queries. A recording rule passes on what its readers need
 * of its recorded series: a family read only by a recording rule is used as far as that rule's own readers
 * need it. A recording rule nothing reads counts as read in full (Prometheus still evaluates and stores it)
 * and is listed in the report.
 */
public final class UsageAnalyzer {
    private final SeriesInventory inventory;
    private final List<Query> queries;
    private final Map<String, List<Query>> recordingRules = new HashMap<>();
    private final NameResolver resolver;

    private UsageAnalyzer(SeriesInventory inventory, List<Query> queries) {
        this.inventory = inventory;
        this.queries = queries;
        for (Query q : queries) {
            if (q.recordName() != null) {
                recordingRules.computeIfAbsent(q.recordName(), k -> new ArrayList<>()).add(q);
            }
        }
        this.resolver = new NameResolver(inventory, recordingRules.keySet());
    }

    /** Analyses {@code queries}; their read problems are carried into the report. */
    public static UsageReport analyze(SeriesInventory inventory, QuerySet queries) {
        return new UsageAnalyzer(inventory, queries.queries()).report(queries.problems());
    }

    private UsageReport report(List<InputProblem> problems) {
        Set<String> unread = unreadRecords();
        Map<Query, LabelDemand> demands = demands(unread);
        Map<SeriesFamily, Set<QueryOrigin>> users = new IdentityHashMap<>();
        Map<SeriesFamily, Set<String>> kept = new IdentityHashMap<>();
        for (Query q : queries) {
            if (q.expr() == null) {
                keepEverywhere(q.valuesOfLabel(), kept);
                continue;
            }
            for (SelectorUse use : QueryWalker.uses(q.expr(), demands.get(q))) {
                for (SeriesFamily f : resolver.resolve(use.selector()).families()) {
                    users.computeIfAbsent(f, k -> new TreeSet<>()).add(q.origin());
                    Set<String> labels = kept.computeIfAbsent(f, k -> new HashSet<>());
                    for (String label : f.labelNames()) {
                        if (use.demand().keeps(label)) {
                            labels.add(label);
                        }
                    }
                    for (LabelMatcher m : use.selector().matchers()) {
                        labels.add(m.name());
                    }
                }
            }
        }
        List<FamilyUsage> families = new ArrayList<>();
        for (SeriesFamily f : inventory.families()) {
            families.add(FamilyUsage.of(f, users.getOrDefault(f, Set.of()), kept.getOrDefault(f, Set.of())));
        }
        List<QueryOrigin> unreadRules = new ArrayList<>();
        for (String name : new TreeSet<>(unread)) {
            recordingRules.get(name).forEach(q -> unreadRules.add(q.origin()));
        }
        return new UsageReport(families, queries.size(), problems, unreadRules, missing());
    }

    /**
     * Labels a scrape never has: Prometheus adds them to every series of a target, so a matcher on them is no sign
     * of a missing label.
     */
    private static final Set<String> TARGET_LABELS = Set.of("job", "instance");

    /**
     * Series Prometheus makes itself, which no scrape has: a target's {@code up} and {@code scrape_*} series, and the
     * alerting rules' {@code ALERTS} and {@code ALERTS_FOR_STATE}.
     */
    private static boolean madeByPrometheus(String name) {
        return name.equals("up") || name.startsWith("scrape_") || name.equals("ALERTS") || name.equals("ALERTS_FOR_STATE");
    }

    /**
     * What each query selects that the series do not have: a selector that selects no family and no recorded name of
     * a given recording rule is a missing family (unless Prometheus makes it: {@link #madeByPrometheus}); a label named in a matcher (other than {@code __name__},
     * {@code job} and {@code instance}) that the selected family has on none of its series is a missing label.
     */
    private List<MissingName> missing() {
        Set<MissingName> missing = new TreeSet<>();
        for (Query q : queries) {
            if (q.expr() == null) {
                continue;
            }
            for (SelectorUse use : QueryWalker.uses(q.expr(), LabelDemand.ALL)) {
                VectorSelector s = use.selector();
                NameResolver.Targets targets = resolver.resolve(s);
                if (targets.families().isEmpty()) {
                    if (targets.records().isEmpty() && (s.metricName() == null || !madeByPrometheus(s.metricName()))) {
                        String family = s.metricName() != null ? s.metricName() : s.text();
                        missing.add(new MissingName(q.origin(), s.line(), s.column(), s.text(), family, null));
                    }
                    continue;
                }
                if (s.metricName() == null) {
                    continue;
                }
                for (SeriesFamily f : targets.families()) {
                    for (LabelMatcher m : s.matchers()) {
                        String label = m.name();
                        if (!label.equals(LabelMatcher.METRIC_NAME) && !TARGET_LABELS.contains(label)
                                && !f.labelNames().contains(label)) {
                            missing.add(new MissingName(q.origin(), s.line(), s.column(), s.text(), f.name(), label));
                        }
                    }
                }
            }
        }
        return new ArrayList<>(missing);
    }

    /** Recorded names no selector of another query selects. */
    private Set<String> unreadRecords() {
        Set<String> read = new HashSet<>();
        for (Query q : queries) {
            if (q.expr() == null) {
                continue;
            }
            for (SelectorUse use : QueryWalker.uses(q.expr(), LabelDemand.ALL)) {
                for (String name : resolver.resolve(use.selector()).records()) {
                    if (!name.equals(q.recordName())) {
                        read.add(name);
                    }
                }
            }
        }
        Set<String> unread = new HashSet<>(recordingRules.keySet());
        unread.removeAll(read);
        return unread;
    }

    /**
     * What each query's result must keep: its own consumer's need, or for a read recording rule the union of
     * what its readers need of the recorded series, propagated until nothing changes.
     */
    private Map<Query, LabelDemand> demands(Set<String> unread) {
        Map<String, LabelDemand> recorded = new HashMap<>();
        Map<Query, LabelDemand> demands = new IdentityHashMap<>();
        Deque<Query> work = new ArrayDeque<>();
        for (Query q : queries) {
            if (q.recordName() == null || unread.contains(q.recordName())) {
                demands.put(q, q.rootDemand());
                work.add(q);
            }
        }
        while (!work.isEmpty()) {
            Query q = work.poll();
            if (q.expr() == null) {
                continue;
            }
            for (SelectorUse use : QueryWalker.uses(q.expr(), demands.get(q))) {
                for (String name : resolver.resolve(use.selector()).records()) {
                    LabelDemand before = recorded.get(name);
                    LabelDemand after = before == null ? use.demand() : before.union(use.demand());
                    if (!after.equals(before) && !unread.contains(name)) {
                        recorded.put(name, after);
                        for (Query rule : recordingRules.get(name)) {
                            demands.put(rule, after);
                            work.add(rule);
                        }
                    }
                }
            }
        }
        for (Query q : queries) {
            // A rule read only by itself (a cycle) still counts as read in full.
            demands.putIfAbsent(q, LabelDemand.ALL);
        }
        return demands;
    }

    private void keepEverywhere(String label, Map<SeriesFamily, Set<String>> kept) {
        for (SeriesFamily f : inventory.families()) {
            if (f.labelNames().contains(label)) {
                kept.computeIfAbsent(f, k -> new HashSet<>()).add(label);
            }
        }
    }
}
