package io.dwprom.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code churn} of two large scrapes in a small heap (a child JVM): series are held compactly enough for 200,000 a
 * side in 96 MiB, and what does not fit, for {@code churn} or {@code lint}, is one line naming the input and exit 2.
 */
class ChurnMemoryTest {
    @TempDir
    Path dir;

    /** {@code series} series in 100 families; {@code shift} moves the instances, so that that many series churn. */
    private Path scrape(String name, int series, int shift) throws IOException {
        Path file = dir.resolve(name);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            int per = series / 100;
            for (int f = 0; f < 100; f++) {
                String family = String.format("app_component_%03d_requests_total", f);
                w.write("# TYPE " + family + " counter\n");
                for (int s = shift; s < per + shift; s++) {
                    w.write(family + "{method=\"" + (s % 2 == 0 ? "GET" : "POST") + "\",handler=\"/api/v1/resource_"
                            + (s % 50) + "\",instance=\"host-" + s + ".example.internal:9100\",code=\"" + (200 + s % 5)
                            + "\"} " + s + "\n");
                }
            }
        }
        return file;
    }

    @Test
    @Timeout(240)
    void twoLargeScrapesAreComparedInASmallHeap() throws Exception {
        Path before = scrape("before.prom", 200_000, 0);
        Path after = scrape("after.prom", 200_000, 100);
        ChildJvm r = ChildJvm.run(dir, List.of("-Xmx96m", "-XX:+UseSerialGC"), null, 200,
                "churn", before.toString(), after.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("churn: 200000 -> 200000 series, 10000 appeared, 10000 disappeared, churn rate 10.0%");
    }

    @Test
    @Timeout(240)
    void scrapesThatDoNotFitAreOneLineNamingTheInputAndExitTwo() throws Exception {
        Path before = scrape("before.prom", 400_000, 0);
        Path after = scrape("after.prom", 400_000, 100);
        ChildJvm r = ChildJvm.run(dir, List.of("-Xmx48m", "-XX:+UseSerialGC"), null, 200,
                "churn", before.toString(), after.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(r.err()).matches("metrics-lint: .*(before|after)\\.prom: does not fit in the Java heap \\(\\d+ MiB\\).*-Xmx.*\n")
                .hasLineCount(1);
    }

    @Test
    @Timeout(240)
    void lintBeyondTheHeapIsOneLineNamingTheInputAndExitTwo() throws Exception {
        Path scrape = scrape("large.prom", 400_000, 0);
        ChildJvm r = ChildJvm.run(dir, List.of("-Xmx10m", "-XX:+UseSerialGC"), null, 200,
                "lint", "--max-bytes", "1000000000", scrape.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(r.err()).matches("metrics-lint: \\Q" + scrape + "\\E: does not fit in the Java heap \\(\\d+ MiB\\): "
                + "lower --max-bytes, or raise the heap with -Xmx in METRICS_LINT_JAVA_OPTS\n");
    }
}
