package io.dwprom.lint.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dwprom.lint.rules.LintResult;
import io.dwprom.lint.rules.Problem;
import io.dwprom.lint.rules.Severity;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** Machine-readable JSON: summary counts, problems and suppressed problems. */
public final class JsonReport implements LintReport {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void write(LintResult result, String source, PrintWriter out) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("source", source);
        root.put("families", result.scrape().families().size());
        root.put("series", result.scrape().totalSeries());
        ObjectNode summary = root.putObject("summary");
        for (Severity s : Severity.values()) {
            summary.put(s.label(), result.count(s));
        }
        summary.put("suppressed", result.suppressed().size());
        problems(root.putArray("problems"), result.problems());
        problems(root.putArray("suppressed"), result.suppressed());
        print(root, out);
    }

    private static void problems(ArrayNode array, List<Problem> problems) {
        for (Problem p : problems) {
            ObjectNode o = array.addObject();
            o.put("family", p.family());
            o.put("rule", p.rule());
            o.put("severity", p.severity().label());
            o.put("message", p.message());
            o.put("occurrences", p.occurrences());
        }
    }

    static void print(Object tree, PrintWriter out) {
        try {
            out.println(MAPPER.writeValueAsString(tree));
            out.flush();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
