package io.dwprom.internal.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed JDBC wrappers are exactly what {@code scripts/GenerateJdbcWrappers.java} writes from this JDK's
 * {@code java.sql} interfaces, so an edit by hand, or a generator change not applied, fails the build.
 */
class GeneratedWrappersTest {

    private static final List<String> WRAPPERS =
            List.of("TimedConnection", "TimedStatement", "TimedPreparedStatement", "TimedCallableStatement");

    @Test
    void theCommittedWrappersAreTheGeneratorsOutput(@TempDir Path generated) throws Exception {
        Path module = Path.of("").toAbsolutePath();
        Path script = module.resolveSibling("scripts").resolve("GenerateJdbcWrappers.java");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process generator = new ProcessBuilder(java.toString(), script.toString(), generated.toString())
                .redirectErrorStream(true).start();
        assertThat(generator.waitFor(2, TimeUnit.MINUTES)).as("the generator finished").isTrue();
        assertThat(generator.exitValue())
                .as(new String(generator.getInputStream().readAllBytes())).isZero();
        Path committed = module.resolve("src/main/java/io/dwprom/internal/db");
        for (String wrapper : WRAPPERS) {
            assertThat(Files.readString(generated.resolve(wrapper + ".java")))
                    .as(wrapper + ".java differs from the generator's output: regenerate it with "
                            + "java scripts/GenerateJdbcWrappers.java metrics-bundle/src/main/java/io/dwprom/internal/db")
                    .isEqualTo(Files.readString(committed.resolve(wrapper + ".java")));
        }
    }
}
