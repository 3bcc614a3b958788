package io.dwprom.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dwprom.report.Table;
import io.dwprom.server.ServerCardinality.Row;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** The {@code server-cardinality} report: the count, the notes on where it came from, and the top tables. */
public final class ServerCardinalityReport {
    private final int top;

    /** @param top rows per table */
    public ServerCardinalityReport(int top) {
        this.top = top;
    }

    /** The report for people, on {@code out}. */
    public void text(ServerCardinality c, PrintWriter out) {
        out.printf("%s: %d series%n", c.server(), c.total());
        c.notes().forEach((k, v) -> out.println(k + ": " + v));
        out.println();
        table(out, c.metrics(), "METRIC", "SERIES", c.total());
        out.println();
        table(out, c.labels(), "LABEL", "DISTINCT VALUES", -1);
        if (!c.pairs().isEmpty()) {
            out.println();
            table(out, c.pairs(), "LABEL PAIR", "SERIES", c.total());
        }
        if (!c.instances().isEmpty()) {
            out.println();
            out.println("instances: " + c.instances().size());
            table(out, c.instances(), "INSTANCE", "SERIES", c.total());
        }
    }

    private void table(PrintWriter out, List<Row> rows, String nameHeader, String valueHeader, long total) {
        Table table = total >= 0 ? new Table(nameHeader, valueHeader, "SHARE") : new Table(nameHeader, valueHeader);
        rows.stream().limit(top).forEach(r -> {
            if (total >= 0) {
                table.row(r.name(), Long.toString(r.value()), Table.percent(r.value(), total));
            } else {
                table.row(r.name(), Long.toString(r.value()));
            }
        });
        table.print(out);
    }

    /** The report for machines, on {@code out}. */
    public void json(ServerCardinality c, PrintWriter out) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("server", c.server());
        root.put("series", c.total());
        ObjectNode notes = root.putObject("notes");
        c.notes().forEach(notes::put);
        rows(root.putArray("metrics"), c.metrics(), "series");
        rows(root.putArray("labels"), c.labels(), "distinctValues");
        rows(root.putArray("labelPairs"), c.pairs(), "series");
        rows(root.putArray("instances"), c.instances(), "series");
        try {
            out.println(mapper.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void rows(ArrayNode array, List<Row> rows, String valueField) {
        rows.stream().limit(top).forEach(r -> array.addObject().put("name", r.name()).put(valueField, r.value()));
    }
}
