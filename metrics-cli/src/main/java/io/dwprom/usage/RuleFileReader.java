package io.dwprom.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.dwprom.promql.Expr;

import java.nio.file.Path;

/**
 * Reads the queries of a Prometheus rule file: {@code groups[].rules[]}, each an {@code alert} or a
 * {@code record} with an {@code expr}.
 */
public final class RuleFileReader {
    /** The largest rule file read: 3 MiB, the most the YAML parser reads of one document. */
    public static final long MAX_BYTES = 3L * 1024 * 1024;

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    /** The file's queries; a file that is not a rule file, or a rule without a usable expr, is a problem. */
    public QuerySet read(Path file) {
        QuerySet out = new QuerySet();
        String name = file.toString();
        JsonNode root = TreeFiles.read(yaml, file, "YAML", MAX_BYTES, "a rule file", out);
        if (root == null && !out.problems().isEmpty()) {
            return out;
        }
        if (root == null || !root.path("groups").isArray()) {
            out.problem(new InputProblem(new QueryOrigin(name, "top level"), 0, 0,
                    "not a Prometheus rule file: no top-level \"groups\" list"));
            return out;
        }
        int g = 0;
        for (JsonNode group : root.get("groups")) {
            g++;
            String groupName = group.path("name").asText("#" + g);
            JsonNode rules = group.path("rules");
            if (!rules.isArray()) {
                out.problem(new InputProblem(new QueryOrigin(name, "group \"" + groupName + "\""), 0, 0,
                        "not a Prometheus rule file: the group has no \"rules\" list"));
                continue;
            }
            int r = 0;
            for (JsonNode rule : rules) {
                r++;
                rule(name, groupName, r, rule, out);
            }
        }
        return out;
    }

    private static void rule(String file, String group, int index, JsonNode rule, QuerySet out) {
        String record = rule.path("record").asText(null);
        String alert = rule.path("alert").asText(null);
        String place = "group \"" + group + "\", " + (record != null ? "record " + record
                : alert != null ? "alert " + alert : "rule #" + index);
        QueryOrigin origin = new QueryOrigin(file, place);
        JsonNode expr = rule.path("expr");
        if (!(expr.isTextual() || expr.isNumber()) || expr.asText().isBlank() || (record == null) == (alert == null)) {
            out.problem(new InputProblem(origin, 0, 0, "a rule needs an \"expr\" and exactly one of \"record\" or \"alert\""));
            return;
        }
        Expr parsed = QueryTexts.parse(expr.asText(), origin, out);
        if (parsed != null) {
            out.add(record != null ? Query.recording(origin, record, parsed) : Query.shown(origin, parsed));
        }
    }
}
