package io.dwprom.usage;

import io.dwprom.promql.Expr;
import io.dwprom.promql.Expr.Aggregation;
import io.dwprom.promql.Expr.Binary;
import io.dwprom.promql.Expr.Call;
import io.dwprom.promql.Expr.MatrixSelector;
import io.dwprom.promql.Expr.NumberLiteral;
import io.dwprom.promql.Expr.Parens;
import io.dwprom.promql.Expr.StringLiteral;
import io.dwprom.promql.Expr.Subquery;
import io.dwprom.promql.Expr.Unary;
import io.dwprom.promql.Expr.VectorSelector;
import io.dwprom.promql.VectorMatching;
import io.dwprom.promql.VectorMatching.Cardinality;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the selectors of a query and, for each, which labels of the selected series the result depends on,
 * by passing a {@link LabelDemand} down the tree: aggregations keep their {@code by} labels (or all but their
 * {@code without} labels), vector matching keeps its {@code on} labels (or all but its {@code ignoring} labels)
 * and the {@code group_left}/{@code group_right} labels, {@code label_replace}/{@code label_join} keep their
 * source labels, {@code histogram_quantile} keeps {@code le}.
 */
final class QueryWalker {
    private static final Set<String> SELECTING_AGGREGATIONS = Set.of("topk", "bottomk", "limitk", "limit_ratio");
    private static final Set<String> SCALAR_FUNCTIONS = Set.of("scalar", "time", "pi");
    private static final Set<String> LABEL_FREE_FUNCTIONS = Set.of("absent", "absent_over_time", "scalar", "vector");

    private final List<SelectorUse> uses = new ArrayList<>();

    private QueryWalker() {
    }

    /** The selectors of {@code query} with what each must keep when the query's result needs {@code root}. */
    static List<SelectorUse> uses(Expr query, LabelDemand root) {
        QueryWalker walker = new QueryWalker();
        walker.walk(query, root);
        return walker.uses;
    }

    private void walk(Expr e, LabelDemand need) {
        if (e instanceof VectorSelector s) {
            uses.add(new SelectorUse(s, need));
        } else if (e instanceof MatrixSelector m) {
            walk(m.selector(), need);
        } else if (e instanceof Subquery s) {
            walk(s.expr(), need);
        } else if (e instanceof Parens p) {
            walk(p.inner(), need);
        } else if (e instanceof Unary u) {
            walk(u.operand(), need);
        } else if (e instanceof Aggregation a) {
            aggregation(a, need);
        } else if (e instanceof Binary b) {
            binary(b, need);
        } else if (e instanceof Call c) {
            call(c, need);
        }
    }

    private void aggregation(Aggregation a, LabelDemand need) {
        if (a.parameter() != null) {
            walk(a.parameter(), LabelDemand.NONE);
        }
        LabelDemand dialect = a.dialect() == null ? LabelDemand.NONE
                : a.dialect().without() ? LabelDemand.allExcept(a.dialect().labels())
                : LabelDemand.only(a.dialect().labels());
        // topk and its kin return the selected input series with all their labels.
        walk(a.argument(), SELECTING_AGGREGATIONS.contains(a.operator()) ? need.union(dialect) : dialect);
    }

    private void binary(Binary b, LabelDemand need) {
        boolean lhsScalar = isScalar(b.lhs());
        boolean rhsScalar = isScalar(b.rhs());
        if (lhsScalar || rhsScalar) {
            walk(b.lhs(), lhsScalar ? LabelDemand.NONE : need);
            walk(b.rhs(), rhsScalar ? LabelDemand.NONE : need);
            return;
        }
        VectorMatching m = b.matching();
        // Without on/ignoring, series match on all their labels (ignoring nothing).
        LabelDemand matching = m == null ? LabelDemand.ALL
                : m.on() ? LabelDemand.only(m.labels()) : LabelDemand.allExcept(m.labels());
        Cardinality card = m == null ? Cardinality.ONE_TO_ONE : m.cardinality();
        switch (b.operator()) {
            case "and", "unless" -> {
                walk(b.lhs(), need.union(matching));
                walk(b.rhs(), matching);
            }
            case "or" -> {
                walk(b.lhs(), need.union(matching));
                walk(b.rhs(), need.union(matching));
            }
            default -> {
                // One-to-one results carry only the matching labels; the "many" side keeps all of its own.
                LabelDemand include = LabelDemand.only(m == null ? List.of() : m.include());
                walk(b.lhs(), card == Cardinality.MANY_TO_ONE ? need.union(matching)
                        : card == Cardinality.ONE_TO_MANY ? matching.union(include) : matching);
                walk(b.rhs(), card == Cardinality.ONE_TO_MANY ? need.union(matching)
                        : card == Cardinality.MANY_TO_ONE ? matching.union(include) : matching);
            }
        }
    }

    private void call(Call c, LabelDemand need) {
        List<Expr> args = c.arguments();
        LabelDemand forVectors = switch (c.function()) {
            case "label_replace" -> need.plus(stringArguments(args, 3, 4));
            case "label_join" -> need.plus(stringArguments(args, 3, args.size()));
            case "sort_by_label", "sort_by_label_desc" -> need.plus(stringArguments(args, 1, args.size()));
            case "histogram_quantile", "histogram_fraction" -> need.plus(List.of("le"));
            default -> LABEL_FREE_FUNCTIONS.contains(c.function()) ? LabelDemand.NONE : need;
        };
        for (Expr arg : args) {
            walk(arg, isScalar(arg) ? LabelDemand.NONE : forVectors);
        }
    }

    private static List<String> stringArguments(List<Expr> args, int from, int to) {
        List<String> labels = new ArrayList<>();
        for (int i = from; i < Math.min(to, args.size()); i++) {
            if (args.get(i) instanceof StringLiteral s && !s.value().isEmpty()) {
                labels.add(s.value());
            }
        }
        return labels;
    }

    /** Whether {@code e} evaluates to a scalar (or string), which has no labels to match. */
    static boolean isScalar(Expr e) {
        if (e instanceof Parens p) {
            return isScalar(p.inner());
        }
        if (e instanceof Unary u) {
            return isScalar(u.operand());
        }
        if (e instanceof Binary b) {
            return isScalar(b.lhs()) && isScalar(b.rhs());
        }
        if (e instanceof Call c) {
            return SCALAR_FUNCTIONS.contains(c.function());
        }
        return e instanceof NumberLiteral || e instanceof StringLiteral;
    }
}
