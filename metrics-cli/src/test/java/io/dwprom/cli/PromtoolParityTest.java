package io.dwprom.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the real {@code promtool check metrics} and this CLI on the same fixtures and requires
 * identical output and exit codes. Skipped when /usr/bin/promtool is absent (CI installs it).
 */
class PromtoolParityTest {
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    @BeforeAll
    static void requirePromtool() {
        Assumptions.assumeTrue(Files.isExecutable(PROMTOOL),
                "/usr/bin/promtool is not installed (apt-get install prometheus); parity with promtool cannot be checked");
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(PromtoolParityTest.class.getResource("/fixtures/" + name)).toURI());
    }

    private static CliRun promtool(Path input) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics")
                .redirectInput(input.toFile()).redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/null"))).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new CliRun(p.waitFor(), "", err);
    }

    @ParameterizedTest
    @ValueSource(strings = {"promlint-cases.prom", "node-exporter.prom"})
    void promtoolFormatMatchesPromtoolLineForLine(String name) throws Exception {
        Path input = fixture(name);
        CliRun expected = promtool(input);
        assertThat(expected.err()).isNotEmpty();
        CliRun lint = CliRun.run("lint", "--format", "promtool", input.toString());
        assertThat(lint.out()).isEqualTo(expected.err());
        assertThat(lint.exitCode()).isEqualTo(expected.exitCode()).isEqualTo(ExitCodes.PROMTOOL_PROBLEMS);
        CliRun check = CliRun.withStdin(Files.readString(input), "check-metrics");
        assertThat(check.err()).isEqualTo(expected.err());
        assertThat(check.exitCode()).isEqualTo(expected.exitCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"up{ 1\n", "up 1\nup 1 2 3\n", "# TYPE up gauge\nup 1\n# TYPE up gauge\n"})
    void unparsableInputExitsOneLikePromtool(String text) throws Exception {
        Path input = Files.createTempFile("parity", ".prom");
        try {
            Files.writeString(input, text);
            CliRun expected = promtool(input);
            CliRun check = CliRun.withStdin(text, "check-metrics");
            assertThat(check.exitCode()).isEqualTo(expected.exitCode()).isEqualTo(ExitCodes.PROMTOOL_PARSE_ERROR);
            assertThat(check.err()).startsWith("error while linting: ");
            assertThat(expected.err()).startsWith("error while linting: ");
        } finally {
            Files.delete(input);
        }
    }
}
