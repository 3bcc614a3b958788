package io.dwprom.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of bad input ends in exit 2 and one clear line on stderr, never a stack trace. */
class BadInputTest {
    @TempDir
    Path dir;

    private static void assertCleanInputError(CliRun r, String expectedPrefix, String expectedText) {
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(r.err()).startsWith(expectedPrefix).contains(expectedText).doesNotContain("\tat ").hasLineCount(1);
    }

    @Test
    void binaryGarbageIsAnInputError() throws IOException {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        Path file = Files.write(dir.resolve("garbage.dat"), garbage);
        assertCleanInputError(CliRun.run("lint", file.toString()), "metrics-lint: " + file + ":1:", "expected a metric name or '#'");
        Path named = Files.write(dir.resolve("garbage.bin"), garbage); // read as protobuf by its name
        assertCleanInputError(CliRun.run("lint", named.toString()), "metrics-lint: " + named + ": byte offset 0: ",
                "not a MetricFamily message");
    }

    @Test
    void overlongLineIsAnInputError() throws IOException {
        Path file = Files.writeString(dir.resolve("long.prom"), "a{b=\"" + "x".repeat(1 << 21) + "\"} 1\n");
        assertCleanInputError(CliRun.run("lint", file.toString()), "metrics-lint: " + file + ":1:",
                "line is longer than the limit of 1048576 bytes");
    }

    @Test
    void corruptGzipFileIsAnInputError() throws IOException {
        Path file = Files.writeString(dir.resolve("metrics.prom.gz"), "not gzip at all\n");
        assertCleanInputError(CliRun.run("lint", file.toString()), "metrics-lint: " + file + ": ", "Not in GZIP format");
    }

    @Test
    void directoryIsAnInputError() {
        assertCleanInputError(CliRun.run("lint", dir.toString()), "metrics-lint: " + dir + ": ", "is a directory");
    }

    @Test
    void secondTypeLineIsAnInputErrorNamingTheLine() {
        CliRun r = CliRun.withStdin("# TYPE up gauge\nup 1\n# TYPE up gauge\n", "lint", "-");
        assertCleanInputError(r, "metrics-lint: stdin:3: ", "second TYPE line for metric name \"up\"");
    }

    @Test
    void missingConfigFileIsAnInputError() {
        assertCleanInputError(CliRun.withStdin("up 1\n", "lint", "--config", dir.resolve("none.yaml").toString(), "-"),
                "metrics-lint: ", "no such config file");
    }

    @Test
    void unknownConfigKeyIsAnInputError() throws IOException {
        Path config = Files.writeString(dir.resolve("c.yaml"), "limit:\n  familySeries: 3\n");
        assertCleanInputError(CliRun.withStdin("up 1\n", "lint", "--config", config.toString(), "-"),
                "metrics-lint: " + config + ": ", "unknown key \"limit\"");
    }

    @Test
    void suppressionOfAnUnknownRuleIsAConfigError() throws IOException {
        Path config = Files.writeString(dir.resolve("c.yaml"),
                "suppressions:\n  - family: up\n    rule: no-such-rule\n    reason: typo\n");
        assertCleanInputError(CliRun.withStdin("up 1\n", "lint", "--config", config.toString(), "-"),
                "metrics-lint: " + config + ": suppressions[0]: ", "unknown rule id \"no-such-rule\"");
    }
}
