package io.dwprom.internal.http;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ExcludedPathsTest {

    private final ExcludedPaths excluded = new ExcludedPaths(List.of("/health", "/internal/", "/metrics"));

    @Test
    void anExcludedPathAndEverythingBelowItAreExcluded() {
        assertThat(excluded.excludes("/health", 0)).isTrue();
        assertThat(excluded.excludes("health", 0)).isTrue();
        assertThat(excluded.excludes("health/db", 0)).isTrue();
        assertThat(excluded.excludes("internal/x/y", 0)).isTrue();
        assertThat(excluded.excludes("internal", 0)).isTrue();
    }

    @Test
    void aPathThatMerelySharesAPrefixIsNotExcluded() {
        assertThat(excluded.excludes("healthy", 0)).isFalse();
        assertThat(excluded.excludes("metricsx/1", 0)).isFalse();
        assertThat(excluded.excludes("", 0)).isFalse();
        assertThat(excluded.excludes("experiments/1", 0)).isFalse();
    }

    @Test
    void theContextPathOfARequestUriIsSkippedInPlace() {
        assertThat(excluded.excludes("/app/health/db", "/app".length())).isTrue();
        assertThat(excluded.excludes("/app/healthy", "/app".length())).isFalse();
        assertThat(excluded.excludes("/app", "/app".length())).isFalse();
    }

    @Test
    void aSlashAloneExcludesEverything() {
        assertThat(new ExcludedPaths(List.of("/")).excludes("anything/at/all", 0)).isTrue();
    }

    @Test
    void noExclusionsExcludeNothing() {
        assertThat(new ExcludedPaths(List.of()).excludes("health", 0)).isFalse();
    }

    @Test
    void aHundredThousandEntriesAnswerAsTheirPrefixRuleSays() {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            entries.add("/tenant-" + i + (i % 3 == 0 ? "/reports/" : ""));
        }
        ExcludedPaths many = new ExcludedPaths(entries);

        assertThat(many.excludes("/tenant-99998", 0)).isTrue();
        assertThat(many.excludes("/tenant-99998/any/thing", 0)).isTrue();
        assertThat(many.excludes("/tenant-3/reports", 0)).isTrue();
        assertThat(many.excludes("/tenant-3/reports/7", 0)).isTrue();
        assertThat(many.excludes("/tenant-3/report", 0)).isFalse();
        assertThat(many.excludes("/tenant-3", 0)).isFalse();
        assertThat(many.excludes("/tenant-100000", 0)).isFalse();
        assertThat(many.excludes("/tenant-1x", 0)).isFalse();
    }

    @Test
    void randomPathsAgreeWithComparingEveryEntry() {
        Random random = new Random(42);
        String[] segments = {"a", "b", "ab", "", "health", "x"};
        for (int round = 0; round < 2_000; round++) {
            List<String> entries = new ArrayList<>();
            for (int i = random.nextInt(6); i > 0; i--) {
                entries.add(randomPath(random, segments) + (random.nextBoolean() ? "/" : ""));
            }
            if (random.nextBoolean()) { // past the few compared one by one: the table
                for (int i = 0; i < ExcludedPaths.SCAN_LIMIT; i++) {
                    entries.add("/filler-" + i);
                }
            }
            ExcludedPaths paths = new ExcludedPaths(entries);
            for (int probe = 0; probe < 20; probe++) {
                String path = (random.nextBoolean() ? "/ctx" : "") + randomPath(random, segments);
                int start = path.startsWith("/ctx") ? 4 : 0;
                assertThat(paths.excludes(path, start)).as("%s in %s", path, entries)
                        .isEqualTo(byComparingEveryEntry(entries, path, start));
            }
        }
    }

    private static String randomPath(Random random, String[] segments) {
        StringBuilder path = new StringBuilder();
        for (int i = random.nextInt(4); i >= 0; i--) {
            path.append('/').append(segments[random.nextInt(segments.length)]);
        }
        return path.toString();
    }

    /** The rule as documented: an entry matches the path itself and everything below it. */
    private static boolean byComparingEveryEntry(List<String> entries, String path, int start) {
        String relative = path.substring(start).startsWith("/") ? path.substring(start + 1) : path.substring(start);
        for (String entry : entries) {
            String prefix = entry.substring(1, entry.endsWith("/") && entry.length() > 1 ? entry.length() - 1
                    : entry.length());
            if (prefix.isEmpty() || relative.equals(prefix) || relative.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }
}
