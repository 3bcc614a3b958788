package io.dwprom.usage;

import io.dwprom.promql.Expr;

import java.util.List;

/**
 * A parsed query and how its result is consumed: shown as it is (a panel, an alert, a query file),
 * recorded under a new name by a recording rule, or read for one label's values (a Grafana
 * {@code label_values(query, label)} variable; {@code expr} is {@code null} for {@code label_values(label)}).
 */
public final class Query {
    private final QueryOrigin origin;
    private final Expr expr;
    private final String recordName;
    private final String valuesOfLabel;

    private Query(QueryOrigin origin, Expr expr, String recordName, String valuesOfLabel) {
        this.origin = origin;
        this.expr = expr;
        this.recordName = recordName;
        this.valuesOfLabel = valuesOfLabel;
    }

    /** A query whose whole result is used: every label of it matters. */
    public static Query shown(QueryOrigin origin, Expr expr) {
        return new Query(origin, expr, null, null);
    }

    /** A recording rule's expression, whose result is stored as {@code recordName}. */
    public static Query recording(QueryOrigin origin, String recordName, Expr expr) {
        return new Query(origin, expr, recordName, null);
    }

    /** {@code label_values(expr, label)}, or {@code label_values(label)} when {@code expr} is {@code null}. */
    public static Query labelValues(QueryOrigin origin, Expr expr, String label) {
        return new Query(origin, expr, null, label);
    }

    public QueryOrigin origin() {
        return origin;
    }

    public Expr expr() {
        return expr;
    }

    /** The recorded series name, or {@code null} when not a recording rule. */
    public String recordName() {
        return recordName;
    }

    /** The label whose values the query reads, or {@code null}. */
    public String valuesOfLabel() {
        return valuesOfLabel;
    }

    /** What the consumer of the result needs of it when nothing reads a recorded name. */
    LabelDemand rootDemand() {
        return valuesOfLabel != null ? LabelDemand.only(List.of(valuesOfLabel)) : LabelDemand.ALL;
    }
}
