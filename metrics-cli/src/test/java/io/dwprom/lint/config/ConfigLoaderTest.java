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

    @Test
    void aWholeConfigIsBound() throws ConfigException {
        LintConfig config = parse("failOn: warning\nlimits: {familySeries: 50}\nseverities: {help-missing: error}\n"
                + "suppressions:\n  - family: db_*\n    rule: help-missing\n    reason: the driver's families\n");
        assertThat(config.failOn()).isEqualTo(io.dwprom.lint.rules.Severity.WARNING);
        assertThat(config.limits().familySeries()).isEqualTo(50);
        assertThat(config.limits().totalSeries()).isEqualTo(io.dwprom.lint.rules.Limits.DEFAULT.totalSeries());
        assertThat(config.severities()).containsEntry("help-missing", io.dwprom.lint.rules.Severity.ERROR);
        assertThat(config.suppressions()).singleElement().satisfies(s -> assertThat(s.family()).isEqualTo("db_*"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "limits:\\n  familySeries: 1.5\\n|lint.yml: line 2: limits.familySeries: expected a whole number",
            "limits:\\n  familySeries: [1]\\n|lint.yml: line 2: limits.familySeries: expected a whole number",
            "limits:\\n  family: 3\\n|lint.yml: limits: unknown key \"family\" (expected one of [familySeries, totalSeries])",
            "limits:\\n  familySeries: 0\\n|lint.yml: limits.familySeries must be a positive integer, got 0",
            "failOn: error\\nfailOn: info\\n|lint.yml: not valid YAML: Duplicate field 'failOn'",
            "suppressions: {family: x}\\n|lint.yml: line 1: suppressions: expected a list",
            "suppressions:\\n  - family: x\\n    rule: [a]\\n|lint.yml: line 3: suppressions[0].rule: expected a text value",
            "severities: [help-missing]\\n|lint.yml: line 1: severities: expected a mapping",
            "- a\\n- b\\n|lint.yml: line 1: expected a mapping"})
    void aBadValueNamesTheLineTheKeyAndWhatWasExpected(String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml.replace("\\n", "\n"))).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(message).hasMessageNotContaining("\n");
    }
}
