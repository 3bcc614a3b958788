package io.dwprom.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dwprom.promql.Expr;
import io.dwprom.promql.Expr.Call;
import io.dwprom.promql.Expr.VectorSelector;

import java.nio.file.Path;
import java.util.Set;

/**
 * Reads the PromQL of a Grafana dashboard export (or an API response wrapping it in {@code "dashboard"}):
 * {@code targets[].expr} of every panel, panels nested in rows and collapsed rows, the old {@code rows[]}
 * layout, and query variables ({@code label_values(query, label)}, {@code label_values(label)},
 * {@code query_result(query)} or plain PromQL). Grafana's variables are replaced first
 * ({@link GrafanaVariables}).
 */
public final class DashboardReader {
    private static final Set<String> VARIABLE_FUNCTIONS = Set.of("label_values", "query_result");

    /** The largest dashboard read; exports of the largest dashboards are a few MiB. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    private final ObjectMapper json = new ObjectMapper();

    public QuerySet read(Path file) {
        QuerySet out = new QuerySet();
        String name = file.toString();
        JsonNode root = TreeFiles.read(json, file, "JSON", MAX_BYTES, "a dashboard", out);
        if (root == null && !out.problems().isEmpty()) {
            return out;
        }
        JsonNode board = root != null && root.path("dashboard").isObject() ? root.get("dashboard") : root;
        if (board == null || !board.isObject() || !(board.has("panels") || board.has("rows") || board.has("templating"))) {
            out.problem(new InputProblem(new QueryOrigin(name, "top level"), 0, 0,
                    "not a Grafana dashboard: no \"panels\", \"rows\" or \"templating\""));
            return out;
        }
        for (JsonNode panel : board.path("panels")) {
            panel(name, "", panel, out);
        }
        for (JsonNode row : board.path("rows")) {
            String rowTitle = row.path("title").asText("");
            for (JsonNode panel : row.path("panels")) {
                panel(name, rowTitle.isEmpty() ? "" : rowTitle + " / ", panel, out);
            }
        }
        for (JsonNode variable : board.path("templating").path("list")) {
            variable(name, variable, out);
        }
        return out;
    }

    private static void panel(String file, String prefix, JsonNode panel, QuerySet out) {
        String title = prefix + panel.path("title").asText("#" + panel.path("id").asText("?"));
        for (JsonNode target : panel.path("targets")) {
            String expr = target.path("expr").asText("");
            if (expr.isBlank()) {
                continue;
            }
            String refId = target.path("refId").asText("");
            QueryOrigin origin = new QueryOrigin(file, "panel \"" + title + "\"" + (refId.isEmpty() ? "" : " " + refId));
            Expr parsed = QueryTexts.parse(GrafanaVariables.substitute(expr), origin, out);
            if (parsed != null) {
                out.add(Query.shown(origin, parsed));
            }
        }
        for (JsonNode nested : panel.path("panels")) {
            panel(file, title + " / ", nested, out);
        }
    }

    private static void variable(String file, JsonNode variable, QuerySet out) {
        if (!variable.path("type").asText("").equals("query")) {
            return;
        }
        JsonNode q = variable.path("query");
        String text = (q.isObject() ? q.path("query") : q).asText("").strip();
        // Grafana's metrics(...) and label_names() are not PromQL and select no series.
        if (text.isEmpty() || text.startsWith("metrics(") || text.startsWith("label_names(")) {
            return;
        }
        QueryOrigin origin = new QueryOrigin(file, "variable " + variable.path("name").asText("?"));
        Expr parsed = QueryTexts.parse(GrafanaVariables.substitute(text), origin, out, VARIABLE_FUNCTIONS);
        if (parsed == null) {
            return;
        }
        if (parsed instanceof Call c && c.function().equals("label_values")) {
            labelValues(origin, c, out);
        } else if (parsed instanceof Call c && c.function().equals("query_result") && c.arguments().size() == 1) {
            out.add(Query.shown(origin, c.arguments().get(0)));
        } else {
            out.add(Query.shown(origin, parsed));
        }
    }

    /** label_values(label) or label_values(query, label); the label parses as a selector of that name. */
    private static void labelValues(QueryOrigin origin, Call c, QuerySet out) {
        int n = c.arguments().size();
        Expr last = n == 0 ? null : c.arguments().get(n - 1);
        if (n > 2 || !(last instanceof VectorSelector label) || label.metricName() == null || !label.matchers().isEmpty()) {
            out.problem(new InputProblem(origin, 0, 0, "label_values takes (label) or (query, label)"));
            return;
        }
        out.add(Query.labelValues(origin, n == 2 ? c.arguments().get(0) : null, label.metricName()));
    }
}
