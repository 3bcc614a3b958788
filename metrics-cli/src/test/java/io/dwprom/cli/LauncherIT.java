package io.dwprom.cli;

import io.dwprom.scrape.parse.ClientJavaScrapes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/metrics-lint} as users run it, after {@code mvn package}: in the built tree, installed by
 * {@code install.sh} into a read-only directory behind a symlink, copied elsewhere, and under another JDK. Wherever
 * it runs, its output and exit code are those of {@code java -jar metrics-cli.jar}; the class-data archive is used
 * where it was made, and silently not used elsewhere.
 */
class LauncherIT {
    private static final Path LAUNCHER = Path.of("bin/metrics-lint").toAbsolutePath();
    private static final Path JAR = Path.of("target/metrics-cli.jar").toAbsolutePath();
    private static final Path DEMO = Path.of("src/test/resources/fixtures/demo-service.prom").toAbsolutePath();
    private static final Path NODE = Path.of("src/test/resources/fixtures/node-exporter.prom").toAbsolutePath();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private static Result expectedLint;
    private static Result expectedCheck;

    @TempDir
    Path tmp;

    @BeforeAll
    static void referenceRuns() throws Exception {
        assertThat(JAR).as("built by mvn package").exists();
        expectedLint = run(List.of(JAVA, "-jar", JAR.toString(), "lint", DEMO.toString()), null, Map.of());
        expectedCheck = run(List.of(JAVA, "-jar", JAR.toString(), "check-metrics"), NODE, Map.of());
        assertThat(expectedLint.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(expectedLint.out()).contains("93 families, 492 series");
        assertThat(expectedCheck.exitCode()).isEqualTo(ExitCodes.PROMTOOL_PROBLEMS);
    }

    @Test
    void inTheBuiltTreeItGivesTheJarsOutputAndMapsTheArchive() throws Exception {
        assertSameAsJar(LAUNCHER, Map.of());
        assertThat(classSources(LAUNCHER, Map.of())).as("classes from the archive made by mvn package")
                .contains("io.dwprom.cli.Main source: shared objects file");
    }

    @Test
    void installedIntoAReadOnlyDirectoryBehindASymlinkItMapsItsOwnArchive() throws Exception {
        Path dir = tmp.resolve("opt/metrics-lint");
        Result install = run(List.of("bash", Path.of("install.sh").toAbsolutePath().toString(), dir.toString()),
                null, Map.of("JAVA_HOME", System.getProperty("java.home")));
        assertThat(install.exitCode()).as(install.err()).isZero();
        assertThat(install.out()).contains("class-data archive: " + dir.toRealPath());
        makeReadOnly(dir);
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path link = Files.createSymbolicLink(bin.resolve("metrics-lint"), dir.resolve("metrics-lint"));

        Map<String, String> env = Map.of("JAVA_HOME", System.getProperty("java.home"));
        assertSameAsJar(link, env);
        assertThat(classSources(link, env)).contains("io.dwprom.cli.Main source: shared objects file");
    }

    @Test
    void aCopiedDistributionRunsWithTheSameOutput() throws Exception {
        Path copy = Files.createDirectories(tmp.resolve("copy"));
        Files.copy(LAUNCHER, copy.resolve("metrics-lint"));
        Files.copy(JAR, copy.resolve("metrics-cli.jar"));
        for (String archive : List.of("metrics-lint.jsa", "metrics-lint.aot")) {
            if (Files.exists(JAR.resolveSibling(archive))) {
                Files.copy(JAR.resolveSibling(archive), copy.resolve(archive));
            }
        }
        assertSameAsJar(copy.resolve("metrics-lint"), Map.of());
    }

    @Test
    void underAJdkTheArchiveWasNotMadeForItFallsBackWithTheSameOutput() throws Exception {
        Path other = otherJdk();
        Assumptions.assumeTrue(other != null, "no second JDK under /usr/lib/jvm to run the launcher with");
        assertSameAsJar(LAUNCHER, Map.of("JAVA_HOME", other.toString()));
    }

    @Test
    void withoutAJarItSaysHowToBuildOneAndExits2() throws Exception {
        Path alone = Files.createDirectories(tmp.resolve("alone/bin"));
        Files.copy(LAUNCHER, alone.resolve("metrics-lint"));
        Result r = run(List.of(alone.resolve("metrics-lint").toString(), "lint", DEMO.toString()), null, Map.of());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("metrics-cli.jar not found").contains("mvn -pl metrics-cli -am package");
    }

    @Test
    void theJarReadsAProtobufScrapeAsItsTextScrapeAndATextScrapeLoadsNoProtobufClass() throws Exception {
        ClientJavaScrapes scrapes = ClientJavaScrapes.classic();
        Path text = Files.write(tmp.resolve("scrape.prom"), scrapes.text());
        Path proto = Files.write(tmp.resolve("scrape.pb"), scrapes.protobuf());
        Result fromText = run(List.of(LAUNCHER.toString(), "lint", text.toString()), null, Map.of());
        Result fromProto = run(List.of(LAUNCHER.toString(), "lint", proto.toString()), null, Map.of());
        assertThat(fromProto.exitCode()).as(fromProto.err()).isEqualTo(fromText.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(fromProto.out().replace(proto.toString(), "SOURCE"))
                .isEqualTo(fromText.out().replace(text.toString(), "SOURCE"));
        assertThat(classSources(LAUNCHER, Map.of())).contains("io.dwprom.lint.ScrapeAnalyzer")
                .doesNotContain("io.prometheus.metrics").doesNotContain("ProtobufExposition");
    }

    private static void assertSameAsJar(Path launcher, Map<String, String> env) throws Exception {
        assertThat(run(List.of(launcher.toString(), "lint", DEMO.toString()), null, env)).isEqualTo(expectedLint);
        assertThat(run(List.of(launcher.toString(), "check-metrics"), NODE, env)).isEqualTo(expectedCheck);
    }

    /** The JVM's class-loading log of one lint run: which classes came from where. */
    private String classSources(Path launcher, Map<String, String> env) throws Exception {
        Path log = tmp.resolve("class-load-" + System.nanoTime() + ".log");
        Map<String, String> withLog = new HashMap<>(env);
        withLog.put("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + log);
        run(List.of(launcher.toString(), "lint", DEMO.toString()), null, withLog);
        return Files.readString(log);
    }

    /** A JDK under /usr/lib/jvm other than the one running the tests, or null. */
    private static Path otherJdk() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return null;
        }
        Path running = Path.of(System.getProperty("java.home")).toRealPath();
        try (Stream<Path> dirs = Files.list(jvms)) {
            return dirs.filter(d -> Files.isExecutable(d.resolve("bin/java")) && Files.isRegularFile(d.resolve("release")))
                    .filter(d -> !realPath(d).equals(running))
                    .findFirst().orElse(null);
        }
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p;
        }
    }

    private static void makeReadOnly(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.toList()) {
                File f = p.toFile();
                assertThat(f.setWritable(false, false)).isTrue();
            }
        }
    }

    private static Result run(List<String> command, Path stdin, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command));
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("METRICS_LINT_JAVA_OPTS");
        pb.environment().putAll(env);
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new File("/dev/null")) : ProcessBuilder.Redirect.from(stdin.toFile()));
        int code = pb.start().waitFor();
        Result r = new Result(code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    private record Result(int exitCode, String out, String err) {
    }
}
