package io.dwprom.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link Main} in a JVM of its own, on the test's class path, for what must not be tried in the test JVM: a small
 * heap running out, the real standard output and process exit. A run that outlives its time limit is killed and
 * reported as exit code -1.
 */
record ChildJvm(int exitCode, String out, String err, long millis) {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    /**
     * Runs {@code metrics-lint args} with the JVM options {@code jvmOptions}; stdout goes to {@code stdout} when given
     * (a file, or a device such as {@code /dev/full}).
     */
    static ChildJvm run(Path dir, List<String> jvmOptions, File stdout, long limitSeconds, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(JAVA);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        Path out = dir.resolve("child-" + System.nanoTime() + ".out");
        Path err = dir.resolve("child-" + System.nanoTime() + ".err");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(stdout != null ? stdout : out.toFile()).redirectError(err.toFile()).start();
        int code;
        if (p.waitFor(limitSeconds, TimeUnit.SECONDS)) {
            code = p.exitValue();
        } else {
            p.destroyForcibly().waitFor();
            code = -1;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new ChildJvm(code, stdout != null ? "" : Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), millis);
    }
}
