package io.dwprom.lint.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dwprom.lint.rules.Limits;
import io.dwprom.lint.rules.Rules;
import io.dwprom.lint.rules.Severity;
import io.dwprom.lint.rules.Suppression;
import io.dwprom.lint.source.BoundedFiles;
import io.dwprom.lint.source.SourceException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a YAML config:
 * <pre>
 * failOn: error                 # info | warning | error
 * limits: {familySeries: 1000, totalSeries: 10000}
 * severities: {help-missing: info}
 * suppressions:
 *   - family: db_connections_total   # name or glob
 *     rule: non-counter-total-suffix
 *     reason: why this is acceptable  # mandatory
 * </pre>
 */
public final class ConfigLoader {
    private static final Set<String> TOP_LEVEL = Set.of("failOn", "limits", "severities", "suppressions");
    /** The largest config file read: 3 MiB, the most the YAML parser reads of one document. */
    public static final int MAX_BYTES = 3 * 1024 * 1024;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ConfigLoader() {
    }

    /** Reads and checks the config file at {@code path}. */
    public static LintConfig load(Path path) throws ConfigException {
        String name = path.toString();
        if (!Files.exists(path)) {
            throw new ConfigException(name + ": no such config file");
        }
        byte[] yaml;
        try {
            yaml = BoundedFiles.read(path, MAX_BYTES, "a config file");
        } catch (SourceException e) {
            throw new ConfigException(firstLine(e.getMessage()));
        }
        return parse(name, yaml);
    }

    /** Checks the config text {@code yaml}; {@code name} (a file name) starts every error message. */
    public static LintConfig parse(String name, byte[] yaml) throws ConfigException {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new ConfigException(name + ": not valid YAML: " + firstLine(e.getMessage()));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return LintConfig.DEFAULT;
        }
        if (!root.isObject()) {
            throw new ConfigException(name + ": expected a mapping at the top level");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!TOP_LEVEL.contains(key)) {
                throw new ConfigException(name + ": unknown key \"" + key + "\" (expected one of " + TOP_LEVEL + ")");
            }
        }
        try {
            Severity failOn = root.has("failOn") ? Severity.parse(root.get("failOn").asText()) : LintConfig.DEFAULT.failOn();
            return new LintConfig(limits(root.path("limits"), name), failOn, severities(root.path("severities"), name),
                    suppressions(root.path("suppressions"), name));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name + ": " + e.getMessage());
        }
    }

    private static Limits limits(JsonNode node, String name) throws ConfigException {
        if (node.isMissingNode()) {
            return Limits.DEFAULT;
        }
        long family = positive(node, "familySeries", Limits.DEFAULT.familySeries(), name);
        long total = positive(node, "totalSeries", Limits.DEFAULT.totalSeries(), name);
        return new Limits(family, total);
    }

    private static long positive(JsonNode node, String key, long fallback, String name) throws ConfigException {
        JsonNode v = node.get(key);
        if (v == null) {
            return fallback;
        }
        if (!v.canConvertToLong() || v.asLong() < 1) {
            throw new ConfigException(name + ": limits." + key + " must be a positive integer, got " + v);
        }
        return v.asLong();
    }

    private static Map<String, Severity> severities(JsonNode node, String name) throws ConfigException {
        Map<String, Severity> result = new LinkedHashMap<>();
        if (node.isMissingNode()) {
            return result;
        }
        if (!node.isObject()) {
            throw new ConfigException(name + ": severities must map rule ids to info, warning or error");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            requireKnownRule(e.getKey(), name + ": severities");
            result.put(e.getKey(), Severity.parse(e.getValue().asText()));
        }
        return result;
    }

    private static List<Suppression> suppressions(JsonNode node, String name) throws ConfigException {
        List<Suppression> result = new ArrayList<>();
        if (node.isMissingNode()) {
            return result;
        }
        if (!node.isArray()) {
            throw new ConfigException(name + ": suppressions must be a list");
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode s = node.get(i);
            String where = name + ": suppressions[" + i + "]";
            for (String key : List.of("family", "rule", "reason")) {
                if (!s.hasNonNull(key) || s.get(key).asText().isBlank()) {
                    throw new ConfigException(where + ": \"" + key + "\" is required"
                            + (key.equals("reason") ? " (say why the finding is acceptable)" : ""));
                }
            }
            String rule = s.get("rule").asText();
            if (!rule.equals("*")) {
                requireKnownRule(rule, where);
            }
            result.add(new Suppression(s.get("family").asText(), rule, s.get("reason").asText()));
        }
        return result;
    }

    private static void requireKnownRule(String rule, String where) throws ConfigException {
        if (!Rules.ids().contains(rule)) {
            throw new ConfigException(where + ": unknown rule id \"" + rule + "\" (known: " + new TreeSet<>(Rules.ids()) + ")");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
