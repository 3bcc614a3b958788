package io.dwprom.diff;

import io.dwprom.lint.Family;
import io.dwprom.lint.Scrape;
import io.dwprom.scrape.LongHashSet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Series added and removed per family between two scrapes, compared by series hash. */
public final class ScrapeDiff {
    /** One family's change; a family absent from one side has 0 series there. */
    public record FamilyChange(String family, long before, long after, long added, long removed) {
        public boolean isNew() {
            return before == 0;
        }

        public boolean isGone() {
            return after == 0;
        }
    }

    private final List<FamilyChange> changes;
    private final long before;
    private final long after;

    private ScrapeDiff(List<FamilyChange> changes, long before, long after) {
        this.changes = changes;
        this.before = before;
        this.after = after;
    }

    public static ScrapeDiff between(Scrape before, Scrape after) {
        Map<String, Family> old = index(before);
        Map<String, Family> now = index(after);
        TreeMap<String, Boolean> names = new TreeMap<>();
        old.keySet().forEach(n -> names.put(n, true));
        now.keySet().forEach(n -> names.put(n, true));
        List<FamilyChange> changes = new ArrayList<>();
        for (String name : names.keySet()) {
            LongHashSet a = old.containsKey(name) ? old.get(name).seriesHashes() : new LongHashSet();
            LongHashSet b = now.containsKey(name) ? now.get(name).seriesHashes() : new LongHashSet();
            long added = missingFrom(b, a);
            long removed = missingFrom(a, b);
            if (added > 0 || removed > 0) {
                changes.add(new FamilyChange(name, a.size(), b.size(), added, removed));
            }
        }
        changes.sort(Comparator.comparingLong((FamilyChange c) -> -Math.abs(c.after() - c.before()))
                .thenComparing(FamilyChange::family));
        return new ScrapeDiff(List.copyOf(changes), before.totalSeries(), after.totalSeries());
    }

    private static Map<String, Family> index(Scrape scrape) {
        return scrape.families().stream().collect(Collectors.toMap(Family::name, Function.identity()));
    }

    /** How many keys of {@code from} are not in {@code other}. */
    private static long missingFrom(LongHashSet from, LongHashSet other) {
        long[] count = {0};
        from.forEach(k -> {
            if (!other.contains(k)) {
                count[0]++;
            }
        });
        return count[0];
    }

    /** Changed families, largest net change first. */
    public List<FamilyChange> changes() {
        return changes;
    }

    public long seriesBefore() {
        return before;
    }

    public long seriesAfter() {
        return after;
    }

    public long seriesAdded() {
        return changes.stream().mapToLong(FamilyChange::added).sum();
    }

    public long seriesRemoved() {
        return changes.stream().mapToLong(FamilyChange::removed).sum();
    }

    /** Growth of the total series count in percent (infinite when growing from zero). */
    public double growthPercent() {
        if (before == 0) {
            return after == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return 100.0 * (after - before) / before;
    }
}
