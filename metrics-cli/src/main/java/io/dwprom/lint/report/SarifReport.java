package io.dwprom.lint.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dwprom.lint.rules.LintResult;
import io.dwprom.lint.rules.Problem;
import io.dwprom.lint.rules.Severity;

import java.io.PrintWriter;
import java.util.TreeSet;

/** SARIF 2.1.0, for code-scanning dashboards; the family name is the logical location. */
public final class SarifReport implements LintReport {
    @Override
    public void write(LintResult result, String source, PrintWriter out) {
        ObjectNode root = JsonReport.MAPPER.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "metrics-lint");
        driver.put("informationUri", "https://prometheus.io/docs/practices/naming/");
        ArrayNode rules = driver.putArray("rules");
        TreeSet<String> ids = new TreeSet<>();
        result.problems().forEach(p -> ids.add(p.rule()));
        ids.forEach(id -> rules.addObject().put("id", id));
        ArrayNode results = run.putArray("results");
        for (Problem p : result.problems()) {
            ObjectNode r = results.addObject();
            r.put("ruleId", p.rule());
            r.put("level", level(p.severity()));
            r.putObject("message").put("text", p.family() + ": " + p.message());
            ObjectNode location = r.putArray("locations").addObject();
            location.putObject("physicalLocation").putObject("artifactLocation").put("uri", source);
            location.putArray("logicalLocations").addObject().put("name", p.family()).put("kind", "metric");
        }
        JsonReport.print(root, out);
    }

    private static String level(Severity severity) {
        switch (severity) {
            case ERROR: return "error";
            case WARNING: return "warning";
            default: return "note";
        }
    }
}
