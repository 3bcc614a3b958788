package io.dwprom.lint.config;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {

    private static LintConfig parse(String yaml) throws ConfigException {
        return ConfigLoader.parse("lint.yml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownKeyWithALineBreakIsNamedOnOneLine() {
        assertThatThrownBy(() -> parse("\"suppress\\nions\": []\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("lint.yml: unknown key \"suppress\\nions\" (expected one of [")
                .hasMessageNotContaining("\n");
    }

    @Test
    void anEmptyFileIsTheDefaultConfig() throws ConfigException {
        assertThat(parse("")).isEqualTo(LintConfig.DEFAULT);
    }
}
