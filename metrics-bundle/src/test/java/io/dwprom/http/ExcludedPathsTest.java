package io.dwprom.http;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExcludedPathsTest {

    private final ExcludedPaths excluded = new ExcludedPaths(List.of("/health", "/internal/", "/metrics"));

    @Test
    void anExcludedPathAndEverythingBelowItAreExcluded() {
        assertThat(excluded.excludes("/health")).isTrue();
        assertThat(excluded.excludes("health")).isTrue();
        assertThat(excluded.excludes("health/db")).isTrue();
        assertThat(excluded.excludes("internal/x/y")).isTrue();
        assertThat(excluded.excludes("internal")).isTrue();
    }

    @Test
    void aPathThatMerelySharesAPrefixIsNotExcluded() {
        assertThat(excluded.excludes("healthy")).isFalse();
        assertThat(excluded.excludes("metricsx/1")).isFalse();
        assertThat(excluded.excludes("")).isFalse();
        assertThat(excluded.excludes("experiments/1")).isFalse();
    }

    @Test
    void aSlashAloneExcludesEverything() {
        assertThat(new ExcludedPaths(List.of("/")).excludes("anything/at/all")).isTrue();
    }

    @Test
    void noExclusionsExcludeNothing() {
        assertThat(new ExcludedPaths(List.of()).excludes("health")).isFalse();
    }
}
