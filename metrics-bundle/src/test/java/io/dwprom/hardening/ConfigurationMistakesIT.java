package io.dwprom.hardening;

import io.dropwizard.testing.DropwizardTestSupport;
import io.dwprom.testapp.TestApplication;
import io.dwprom.testapp.TestConfiguration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Mistakes in the {@code prometheus} section stop the application at start-up with Dropwizard's validation
 * message naming the key and the reason, instead of starting with an open, unreachable or silently changed
 * endpoint.
 */
class ConfigurationMistakesIT {

    private static final String SECTION = "prometheus:\n  enabled: true\n  path: /prometheus\n  excludedPaths: [/health]\n";

    @TempDir
    Path directory;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            access: {bearerToken: ''}                   | prometheus.access.bearerToken must not be blank
            access: {bearerToken: '   '}                | prometheus.access.bearerToken must not be blank
            access: {bearerToken: '${PROMETHEUS_TOKEN}'} | prometheus.access.bearerToken must not be blank nor hold an unresolved environment variable substitution
            access: {username: '${USER_UNSET}', password: '${PASSWORD_UNSET}'} | prometheus.access.password must not be blank nor hold an unresolved
            path: /healthcheck                          | prometheus.path must not be '/' nor a path of Dropwizard's own admin endpoints
            path: /metrics                              | prometheus.path must not be '/' nor a path of Dropwizard's own admin endpoints
            path: /                                     | prometheus.path must not be '/'
            path: /*                                    | prometheus.path must not be '/'
            path: /tasks/gc                             | prometheus.path must not be '/' nor a path of Dropwizard's own admin endpoints
            maxLabelSetsPerFamily: 2.5                  | prometheus.maxLabelSetsPerFamily
            maxSqlTables: 1e3                           | prometheus.maxSqlTables
            maxHelperFamilies: 0                        | prometheus.maxHelperFamilies must be greater than or equal to 1
            'buckets: {httpDurationSeconds: [0.5, 0.1]}' | prometheus.buckets.httpDurationSeconds must be a non-empty list of finite positive numbers, strictly increasing
            'buckets: {dbQueryDurationSeconds: [0.1, ~]}' | prometheus.buckets.dbQueryDurationSeconds must be a non-empty list
            'buckets: {httpDurationSeconds: ~}'         | prometheus.buckets.httpDurationSeconds must be a non-empty list
            'buckets: {httpSizeBytes: []}'              | prometheus.buckets.httpSizeBytes must be a non-empty list
            """)
    void aMistakeStopsTheStartNamingTheKey(String setting, String expected) throws IOException {
        Throwable failure = start(setting);

        assertThat(failure).as("start with %s", setting).isNotNull();
        assertThat(messages(failure)).contains(expected).doesNotContain("HV000090");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            maxLabelSetsPerFamily: 2.5 | must be a whole number
            maxSqlTables: 1e3          | must be a whole number
            """)
    void aFractionalNumberForAWholeNumberKeyIsRefusedNotRounded(String setting, String expected) throws IOException {
        assertThat(messages(start(setting))).contains(expected);
    }

    private Throwable start(String setting) throws IOException {
        Path config = directory.resolve("config.yml");
        Files.writeString(config, baseConfiguration().replace(SECTION, SECTION + "  " + setting + "\n"));
        DropwizardTestSupport<TestConfiguration> app = new DropwizardTestSupport<>(TestApplication.class,
                config.toString());
        Throwable failure = catchThrowable(app::before);
        app.after();
        return failure;
    }

    private static String baseConfiguration() throws IOException {
        try (InputStream in = ConfigurationMistakesIT.class.getResourceAsStream("/test-app.yml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(yaml).contains(SECTION);
            return yaml;
        }
    }

    private static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            text.append(cause).append('\n');
        }
        return text.toString();
    }
}
