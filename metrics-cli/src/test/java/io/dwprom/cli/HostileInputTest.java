package io.dwprom.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever goes wrong, metrics-lint ends with one line on stderr and exit code 2: an {@link Error} on any path, a
 * report that cannot be written.
 */
class HostileInputTest {
    private static final String DEMO = "src/test/resources/fixtures/demo-service.prom";

    @TempDir
    Path dir;

    /** stdin that fails with {@code error} on the first read. */
    private static InputStream failingWith(Supplier<Error> error) {
        return new InputStream() {
            @Override
            public int read() {
                throw error.get();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                throw error.get();
            }
        };
    }

    private static CliRun run(InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err);
        int code = Main.run(args, stdin, o, e);
        o.flush();
        e.flush();
        return new CliRun(code, out.toString(), err.toString());
    }

    @Test
    void anOutOfMemoryErrorIsOneLineAndExitTwoOnEveryPath() {
        CliRun promtool = run(failingWith(() -> new OutOfMemoryError("Java heap space")), "check-metrics");
        assertThat(promtool.exitCode()).as("promtool's code for an input it cannot read").isEqualTo(ExitCodes.PROMTOOL_PARSE_ERROR);
        assertThat(promtool.err()).matches("error while linting: stdin: does not fit in the Java heap .*-Xmx.*\n");
        for (String[] args : List.of(new String[] {"lint", "-"}, new String[] {"lint", "-f", "json", "-"},
                new String[] {"cardinality", "-"}, new String[] {"diff", "-", DEMO})) {
            CliRun r = run(failingWith(() -> new OutOfMemoryError("Java heap space")), args);
            assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCodes.INPUT_ERROR);
            // while a source is read, the message names it; elsewhere it says the heap ran out
            assertThat(r.err()).as(String.join(" ", args))
                    .matches("metrics-lint: (out of memory: |stdin: does not fit in the Java heap ).*-Xmx.*\n")
                    .doesNotContain("\tat ").hasLineCount(1);
        }
    }

    @Test
    void aStackOverflowOrAnUnexpectedExceptionIsOneLineAndExitTwo() {
        CliRun overflow = run(failingWith(StackOverflowError::new), "lint", "--format", "json", "-");
        assertThat(overflow.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(overflow.err()).isEqualTo("metrics-lint: an input nests too deeply to analyse (stack overflow)\n");
        CliRun assertion = run(failingWith(() -> new AssertionError("broken invariant")), "lint", "-");
        assertThat(assertion.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(assertion.err()).isEqualTo("metrics-lint: internal error: broken invariant\n");
    }

    @Test
    @Timeout(60)
    void aReportWrittenToAFullDiskIsAnErrorNotSuccess() throws Exception {
        File full = new File("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(full.exists(), "needs /dev/full");
        for (String[] args : List.of(new String[] {"lint", DEMO}, new String[] {"cardinality", DEMO},
                new String[] {"lint", "--fail-on", "error", "--family-series-limit", "100000", "-f", "json", DEMO})) {
            ChildJvm r = ChildJvm.run(dir, List.of("-Xmx64m"), full, 50, args);
            assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCodes.INPUT_ERROR);
            assertThat(r.err()).as(String.join(" ", args))
                    .isEqualTo("metrics-lint: cannot write the report to standard output (disk full or output closed)\n");
        }
    }

    @Test
    @Timeout(120)
    void anEndlessFileGivenForAnInputHeldInMemoryIsRefusedAtItsCap() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(new File("/dev/zero").exists(), "needs /dev/zero");
        ChildJvm token = ChildJvm.run(dir, List.of("-Xmx64m"), null, 50,
                "lint", "--bearer-token-file", "/dev/zero", "http://127.0.0.1:9/metrics");
        assertThat(token.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(token.err()).isEqualTo("metrics-lint: /dev/zero: larger than the limit of 64 KiB for a credentials file\n");
        ChildJvm config = ChildJvm.run(dir, List.of("-Xmx64m"), null, 50, "lint", "-c", "/dev/zero", DEMO);
        assertThat(config.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(config.err()).isEqualTo("metrics-lint: /dev/zero: larger than the limit of 3 MiB for a config file\n");
        ChildJvm queries = ChildJvm.run(dir, List.of("-Xmx64m"), null, 50,
                "usage", "--queries", "/dev/zero", "--dashboard", "/dev/zero", "--rules", "/dev/zero", DEMO);
        assertThat(queries.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(queries.err()).isEqualTo("""
                metrics-lint: /dev/zero: file: larger than the limit of 3 MiB for a rule file
                metrics-lint: /dev/zero: file: larger than the limit of 16 MiB for a dashboard
                metrics-lint: /dev/zero: file: larger than the limit of 16 MiB for a query file
                metrics-lint: no query could be analysed
                """);
    }

    @Test
    void aQueryNestingTooDeeplyIsALocatedProblemAndTheRunGoesOn() throws IOException {
        Path queries = java.nio.file.Files.writeString(dir.resolve("queries.promql"),
                "up" + " or up".repeat(1000) + "\n" + "(".repeat(1000) + "up" + ")".repeat(1000) + "\nhttp_requests_total\n");
        CliRun r = CliRun.run("usage", "--queries", queries.toString(), DEMO);
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEqualTo("metrics-lint: " + queries + ": line 1 (query 1:766): query nests deeper than 128"
                + " (parentheses, operators and subqueries)\n"
                + "metrics-lint: " + queries + ": line 2 (query 1:128): query nests deeper than 128"
                + " (parentheses, operators and subqueries)\n");
        assertThat(r.out()).contains("judged against 1 queries");
    }

    @Test
    void aDashboardNestingDeeplyIsReadOrRefusedWithAProblem() throws IOException {
        String panels = "{\"panels\":[".repeat(400) + "{\"targets\":[{\"expr\":\"up\"}]}" + "]}".repeat(400);
        Path deep = java.nio.file.Files.writeString(dir.resolve("deep.json"), panels);
        CliRun read = CliRun.run("usage", "--dashboard", deep.toString(), DEMO);
        assertThat(read.exitCode()).as(read.err()).isZero();
        Path deeper = java.nio.file.Files.writeString(dir.resolve("deeper.json"), "[".repeat(100_000) + "]".repeat(100_000));
        CliRun refused = CliRun.run("usage", "--dashboard", deeper.toString(), DEMO);
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(refused.err()).startsWith("metrics-lint: " + deeper + ": file: not valid JSON: Document nesting depth (1001) exceeds the maximum allowed (1000").endsWith("metrics-lint: no query could be analysed\n").hasLineCount(2);
    }
}
