package io.dwprom.internal.exposition;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code promtool check metrics} (Debian's prometheus package); skips the test where it is missing. */
public final class PromtoolAccess {

    record Result(int exitCode, List<String> findings) {
    }

    private PromtoolAccess() {
    }

    /** The finding lines of {@code promtool check metrics} on this exposition. */
    public static List<String> findings(String exposition) throws IOException, InterruptedException {
        return checkMetrics(exposition).findings();
    }

    static Result checkMetrics(String exposition) throws IOException, InterruptedException {
        Path promtool = Path.of("/usr/bin/promtool");
        Assumptions.assumeTrue(Files.isExecutable(promtool),
                "promtool is not installed (apt-get install prometheus); CI installs it");
        Process process = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("promtool did not finish in 60 s");
        }
        return new Result(process.exitValue(), output.lines().filter(l -> !l.isBlank()).toList());
    }
}
