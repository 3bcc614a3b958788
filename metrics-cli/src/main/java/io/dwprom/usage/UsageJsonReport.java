package io.dwprom.usage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dwprom.usage.UsageReport.UnusedLabel;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** The usage report for machines: totals, every family with its users and labels, the rankings, problems. */
public final class UsageJsonReport {
    private UsageJsonReport() {
    }

    /** @param notes where the series came from and how (for a server); written as {@code notes} when not empty */
    public static void write(UsageReport r, String source, Map<String, String> notes, PrintWriter out) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("source", source);
        if (!notes.isEmpty()) {
            ObjectNode n = root.putObject("notes");
            notes.forEach(n::put);
        }
        root.put("queries", r.queries());
        ObjectNode series = root.putObject("series");
        series.put("total", r.totalSeries());
        series.put("used", r.usedSeries());
        series.put("unused", r.unusedSeries());
        series.put("unusedShare", Math.round(r.unusedShare() * 100) / 100.0);
        ArrayNode unused = root.putArray("unusedFamilies");
        for (FamilyUsage f : r.unusedFamilies()) {
            unused.addObject().put("family", f.name()).put("series", f.series());
        }
        ArrayNode labels = root.putArray("unusedLabels");
        for (UnusedLabel u : r.unusedLabels()) {
            labels.addObject().put("family", u.family().name()).put("label", u.label().name())
                    .put("distinctValues", u.label().distinctValues()).put("series", u.family().series())
                    .put("seriesIfAggregated", u.label().seriesIfAggregated())
                    .put("droppable", u.label().droppable(u.family().series()));
        }
        ArrayNode families = root.putArray("families");
        for (FamilyUsage f : r.families()) {
            ObjectNode o = families.addObject();
            o.put("family", f.name()).put("series", f.series()).put("used", f.used());
            ArrayNode names = o.putArray("seriesNames");
            f.seriesNames().forEach(names::add);
            ArrayNode users = o.putArray("usedBy");
            f.users().forEach(u -> users.add(u.toString()));
            ArrayNode ls = o.putArray("labels");
            for (LabelUsage l : f.labels()) {
                ObjectNode lo = ls.addObject().put("label", l.name()).put("kept", l.kept())
                        .put("distinctValues", l.distinctValues());
                if (l.seriesIfAggregated() >= 0) {
                    lo.put("seriesIfAggregated", l.seriesIfAggregated());
                }
            }
        }
        ArrayNode unread = root.putArray("unreadRecordingRules");
        for (QueryOrigin o : r.unreadRecordingRules()) {
            unread.add(o.toString());
        }
        ArrayNode missing = root.putArray("missing");
        for (MissingName m : r.missing()) {
            ObjectNode o = missing.addObject().put("kind", m.isLabel() ? "label" : "family").put("family", m.family());
            if (m.isLabel()) {
                o.put("label", m.label());
            }
            o.put("selector", m.selector()).put("file", m.origin().file()).put("place", m.origin().place())
                    .put("line", m.line()).put("column", m.column());
        }
        ArrayNode problems = root.putArray("problems");
        for (InputProblem p : r.problems()) {
            ObjectNode o = problems.addObject().put("file", p.origin().file()).put("place", p.origin().place());
            if (p.line() > 0) {
                o.put("line", p.line()).put("column", p.column());
            }
            o.put("message", p.message());
        }
        try {
            out.println(mapper.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
