package io.dwprom.internal.http;

import org.junit.jupiter.api.Test;

import java.util.List;

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
}
