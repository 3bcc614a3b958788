package io.dwprom.api;

import io.dwprom.bundle.PrometheusBundle;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundle's public API is the public top-level types outside {@code ..internal..} packages. They are listed in
 * {@code public-types.txt}, so that adding, removing or moving one is a decision a change states, not an accident.
 */
class PublicApiTest {

    private static final String LIST = "public-types.txt";

    @Test
    void thePublicTypesAreExactlyTheListedOnes() throws Exception {
        List<String> listed = listed();
        List<String> found = publicTypes();
        assertThat(found)
                .as("public top-level types outside ..internal.. packages; when a change to the API is intended, "
                        + "update src/test/resources/io/dwprom/api/" + LIST)
                .containsExactlyElementsOf(listed);
    }

    @Test
    void theApiStaysSmall() throws Exception {
        assertThat(listed()).hasSizeLessThan(30);
    }

    private static List<String> listed() throws IOException {
        try (InputStream in = Objects.requireNonNull(PublicApiTest.class.getResourceAsStream(LIST), LIST)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .sorted()
                    .toList();
        }
    }

    private static List<String> publicTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(PrometheusBundle.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String relative = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                if (relative.endsWith(".class") && !relative.contains("$") && !relative.endsWith("package-info.class")) {
                    names.add(relative.substring(0, relative.length() - ".class".length()).replace('/', '.'));
                }
            }
        }
        TreeSet<String> api = new TreeSet<>();
        for (String name : names) {
            Class<?> type = Class.forName(name, false, PublicApiTest.class.getClassLoader());
            if (Modifier.isPublic(type.getModifiers()) && !type.getPackageName().contains(".internal")) {
                api.add(name);
            }
        }
        return List.copyOf(api);
    }
}
