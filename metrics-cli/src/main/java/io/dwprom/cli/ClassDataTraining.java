package io.dwprom.cli;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;

/**
 * The training run of the class-data archive {@code bin/metrics-lint} starts with
 * ({@code src/build/class-data-archive.sh}): {@code lint SAMPLE} and {@code check-metrics < SAMPLE} for each sample,
 * their output discarded, so that the archive holds every class the everyday commands load.
 */
public final class ClassDataTraining {
    private ClassDataTraining() {
    }

    public static void main(String[] samples) throws IOException {
        PrintWriter discard = new PrintWriter(OutputStream.nullOutputStream());
        for (String sample : samples) {
            Main.run(new String[] {LintCommand.NAME, sample}, InputStream.nullInputStream(), discard, discard);
            try (InputStream in = new FileInputStream(sample)) {
                Main.run(new String[] {CheckMetricsCommand.NAME}, in, discard, discard);
            }
        }
    }
}
