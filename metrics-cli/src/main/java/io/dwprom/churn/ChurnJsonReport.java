package io.dwprom.churn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dwprom.churn.Churn.FamilyChurn;
import io.dwprom.churn.Churn.LabelDriver;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** The churn report for machines; an infinite churn rate (series where there were none) is {@code null}. */
public final class ChurnJsonReport {
    /** Writes {@code churn} with {@code context} (where the snapshots came from) as one JSON document. */
    public void write(Churn churn, Map<String, String> context, PrintWriter out) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ObjectNode ctx = root.putObject("context");
        context.forEach(ctx::put);
        root.put("seriesBefore", churn.seriesBefore());
        root.put("seriesAfter", churn.seriesAfter());
        root.put("appeared", churn.appeared());
        root.put("disappeared", churn.disappeared());
        rate(root, churn.ratePercent());
        root.put("churnDefinition", Churn.RATE_DEFINITION);
        ArrayNode families = root.putArray("families");
        churn.families().forEach(f -> family(families.addObject(), f));
        try {
            out.println(mapper.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    private static void family(ObjectNode o, FamilyChurn f) {
        o.put("family", f.family());
        o.put("before", f.before());
        o.put("after", f.after());
        o.put("appeared", f.appeared());
        o.put("disappeared", f.disappeared());
        rate(o, f.ratePercent());
        o.put("newFamily", f.isNew());
        o.put("goneFamily", f.isGone());
        o.put("recombined", f.recombined());
        ArrayNode drivers = o.putArray("drivers");
        for (LabelDriver d : f.drivers()) {
            ObjectNode l = drivers.addObject();
            l.put("label", d.label());
            l.put("series", d.series());
            l.put("appeared", d.appeared());
            l.put("disappeared", d.disappeared());
            l.put("newValues", d.newValues());
            l.put("goneValues", d.goneValues());
            strings(l, "newValueExamples", d.newExamples());
            strings(l, "goneValueExamples", d.goneExamples());
        }
    }

    private static void rate(ObjectNode o, double percent) {
        if (Double.isInfinite(percent)) {
            o.putNull("churnPercent");
        } else {
            o.put("churnPercent", Math.round(percent * 100) / 100.0);
        }
    }

    private static void strings(ObjectNode o, String field, List<String> values) {
        values.forEach(o.putArray(field)::add);
    }
}
