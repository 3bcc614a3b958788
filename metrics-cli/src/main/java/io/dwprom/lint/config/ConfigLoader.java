package io.dwprom.lint.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dwprom.lint.rules.Limits;
import io.dwprom.lint.rules.Rules;
import io.dwprom.lint.rules.Severity;
import io.dwprom.lint.rules.Suppression;
import io.dwprom.scrape.source.BoundedFiles;
import io.dwprom.scrape.source.SourceException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    /** The largest config file read: 3 MiB, the most the YAML parser reads of one document. */
    public static final int MAX_BYTES = 3 * 1024 * 1024;
    private static final ObjectReader READER = new ObjectMapper(new YAMLFactory()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION))
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .readerFor(ConfigFile.class);

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
        ConfigFile file;
        try (JsonParser parser = READER.createParser(yaml)) {
            file = parser.nextToken() == null ? null : READER.readValue(parser);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(name + ": " + path(e.getPath().subList(0, e.getPath().size() - 1)) + "unknown key \"" + printable(e.getPropertyName())
                    + "\" (expected one of " + new TreeSet<>(e.getKnownPropertyIds().stream().map(String::valueOf).toList()) + ")");
        } catch (JsonMappingException e) {
            throw new ConfigException(name + ": " + at(e) + path(e.getPath()) + "expected " + expected(e));
        } catch (IOException e) {
            throw new ConfigException(name + ": not valid YAML: " + printable(firstLine(e.getMessage())));
        }
        if (file == null) {
            return LintConfig.DEFAULT;
        }
        try {
            Severity failOn = file.failOn() != null ? Severity.parse(file.failOn()) : LintConfig.DEFAULT.failOn();
            return new LintConfig(limits(file.limits(), name), failOn, severities(file.severities(), name),
                    suppressions(file.suppressions(), name));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name + ": " + printable(e.getMessage()));
        }
    }

    private static Limits limits(ConfigFile.LimitsSection limits, String name) throws ConfigException {
        if (limits == null) {
            return Limits.DEFAULT;
        }
        return new Limits(positive(limits.familySeries(), "familySeries", Limits.DEFAULT.familySeries(), name),
                positive(limits.totalSeries(), "totalSeries", Limits.DEFAULT.totalSeries(), name));
    }

    private static long positive(Long value, String key, long fallback, String name) throws ConfigException {
        if (value == null) {
            return fallback;
        }
        if (value < 1) {
            throw new ConfigException(name + ": limits." + key + " must be a positive integer, got " + value);
        }
        return value;
    }

    private static Map<String, Severity> severities(Map<String, String> severities, String name) throws ConfigException {
        Map<String, Severity> result = new LinkedHashMap<>();
        if (severities == null) {
            return result;
        }
        for (Map.Entry<String, String> e : severities.entrySet()) {
            requireKnownRule(e.getKey(), name + ": severities");
            if (e.getValue() == null) {
                throw new ConfigException(name + ": severities: rule \"" + printable(e.getKey()) + "\" needs info, warning or error");
            }
            result.put(e.getKey(), Severity.parse(e.getValue()));
        }
        return result;
    }

    private static List<Suppression> suppressions(List<ConfigFile.SuppressionEntry> entries, String name) throws ConfigException {
        List<Suppression> result = new ArrayList<>();
        if (entries == null) {
            return result;
        }
        for (int i = 0; i < entries.size(); i++) {
            ConfigFile.SuppressionEntry s = entries.get(i);
            String where = name + ": suppressions[" + i + "]";
            if (s == null) {
                throw new ConfigException(where + ": expected a mapping with family, rule and reason");
            }
            required(s.family(), "family", where);
            required(s.rule(), "rule", where);
            required(s.reason(), "reason", where);
            if (!s.rule().equals("*")) {
                requireKnownRule(s.rule(), where);
            }
            result.add(new Suppression(s.family(), s.rule(), s.reason()));
        }
        return result;
    }

    private static void required(String value, String key, String where) throws ConfigException {
        if (value == null || value.isBlank()) {
            throw new ConfigException(where + ": \"" + key + "\" is required"
                    + (key.equals("reason") ? " (say why the finding is acceptable)" : ""));
        }
    }

    private static void requireKnownRule(String rule, String where) throws ConfigException {
        if (!Rules.ids().contains(rule)) {
            throw new ConfigException(where + ": unknown rule id \"" + printable(rule) + "\" (known: " + new TreeSet<>(Rules.ids()) + ")");
        }
    }

    /** {@code line N: } for an error whose place in the file is known. */
    private static String at(JsonMappingException e) {
        JsonLocation location = e.getLocation();
        return location == null || location.getLineNr() < 1 ? "" : "line " + location.getLineNr() + ": ";
    }

    /** A key path, e.g. {@code suppressions[2].rule: }, or nothing for the top level. */
    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(printable(ref.getFieldName()));
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "" : sb + ": ";
    }

    /** What the file should have held where binding failed. */
    private static String expected(JsonMappingException e) {
        if (!(e instanceof MismatchedInputException mismatch) || mismatch.getTargetType() == null) {
            return "a valid value (" + printable(firstLine(e.getOriginalMessage())) + ")";
        }
        Class<?> type = mismatch.getTargetType();
        if (type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == String.class) {
            return "a text value";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a mapping";
    }

    /** {@code text} with control characters (a quoted key may hold a line break) written as escapes. */
    private static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                sb.append(c == '\n' ? "\\n" : String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
