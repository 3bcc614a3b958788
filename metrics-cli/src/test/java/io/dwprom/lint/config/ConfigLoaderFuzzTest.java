package io.dwprom.lint.config;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.Objects;

/**
 * Coverage-guided fuzzing of the CLI's config loader: any bytes either give a complete configuration or a
 * {@link ConfigException} whose one-line message names the file and what is wrong; nothing else escapes.
 * Seeds: {@code ConfigLoaderFuzzTestInputs/} beside this class in the test resources.
 */
class ConfigLoaderFuzzTest {

    private static final String FILE = "lint.yml";

    @FuzzTest
    void anyTextGivesAConfigOrAClearConfigError(byte[] yaml) {
        LintConfig config;
        try {
            config = ConfigLoader.parse(FILE, yaml);
        } catch (ConfigException error) {
            String message = error.getMessage();
            check(message != null && message.startsWith(FILE + ": ") && message.length() > FILE.length() + 8
                    && message.indexOf('\n') < 0, "unclear config error: " + message);
            return;
        }
        check(config.limits() != null && config.failOn() != null && config.severities() != null
                && config.suppressions() != null && config.severities().values().stream().allMatch(Objects::nonNull)
                && config.suppressions().stream().allMatch(Objects::nonNull), "incomplete config " + config);
    }

    private static void check(boolean holds, String failure) {
        if (!holds) {
            throw new AssertionError(failure);
        }
    }
}
