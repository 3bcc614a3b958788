package io.dwprom.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DiffAndCardinalityCommandTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static String gauge(String name, int series) {
        StringBuilder sb = new StringBuilder("# HELP " + name + " x\n# TYPE " + name + " gauge\n");
        for (int i = 0; i < series; i++) {
            sb.append(name).append("{pod=\"p").append(i).append("\"} 1\n");
        }
        return sb.toString();
    }

    @Test
    void diffReportsAddedAndRemovedSeriesPerFamily() throws IOException {
        Path before = file("before.prom", gauge("a", 10) + gauge("gone", 2));
        Path after = file("after.prom", gauge("a", 15) + gauge("fresh", 3));
        CliRun r = CliRun.run("diff", before.toString(), after.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("series: 12 -> 18 (+50.0%), 8 added, 2 removed\n");
        assertThat(r.out()).containsPattern("a\\s+10\\s+15\\s+5\\s+0\\s+\\+50.0%")
                .containsPattern("fresh\\s+0\\s+3\\s+3\\s+0\\s+new family")
                .containsPattern("gone\\s+2\\s+0\\s+0\\s+2\\s+removed family");
    }

    @Test
    void diffGrowthGateFailsTheBuild() throws IOException {
        Path before = file("before.prom", gauge("a", 10));
        Path after = file("after.prom", gauge("a", 12));
        assertThat(CliRun.run("diff", "--max-growth", "25", before.toString(), after.toString()).exitCode()).isZero();
        CliRun r = CliRun.run("diff", "--max-growth", "10", before.toString(), after.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.err()).isEqualTo("metrics-lint: series grew by +20.0%, more than --max-growth 10.0%\n");
        assertThat(CliRun.run("diff", "--max-new-series", "1", before.toString(), after.toString()).exitCode())
                .isEqualTo(ExitCodes.FINDINGS);
    }

    @Test
    void cardinalityRanksFamiliesAndLabelsWithShares() throws IOException {
        Path scrape = file("s.prom", gauge("big", 30) + gauge("small", 10));
        CliRun r = CliRun.run("cardinality", "--top", "1", scrape.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains(": 40 series in 2 families")
                .containsPattern("big\\s+gauge\\s+30\\s+75.0%")
                .containsPattern("big\\s+pod\\s+30\\s+75.0%")
                .doesNotContain("small");
    }
}
