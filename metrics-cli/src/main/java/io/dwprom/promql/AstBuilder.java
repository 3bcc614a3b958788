package io.dwprom.promql;

import io.dwprom.promql.Expr.Aggregation;
import io.dwprom.promql.Expr.Binary;
import io.dwprom.promql.Expr.Call;
import io.dwprom.promql.Expr.Dialect;
import io.dwprom.promql.Expr.MatrixSelector;
import io.dwprom.promql.Expr.NumberLiteral;
import io.dwprom.promql.Expr.Parens;
import io.dwprom.promql.Expr.StringLiteral;
import io.dwprom.promql.Expr.Subquery;
import io.dwprom.promql.Expr.Unary;
import io.dwprom.promql.Expr.VectorSelector;
import io.dwprom.promql.PromQLParser.AggregationContext;
import io.dwprom.promql.PromQLParser.ArgumentsContext;
import io.dwprom.promql.PromQLParser.BinaryContext;
import io.dwprom.promql.PromQLParser.CallContext;
import io.dwprom.promql.PromQLParser.ExprContext;
import io.dwprom.promql.PromQLParser.InstantSelectorContext;
import io.dwprom.promql.PromQLParser.LabelListContext;
import io.dwprom.promql.PromQLParser.LabelNameContext;
import io.dwprom.promql.PromQLParser.MatcherContext;
import io.dwprom.promql.PromQLParser.MatchingContext;
import io.dwprom.promql.PromQLParser.MatrixSelectorContext;
import io.dwprom.promql.PromQLParser.ModifiersContext;
import io.dwprom.promql.PromQLParser.NumberContext;
import io.dwprom.promql.PromQLParser.ParensContext;
import io.dwprom.promql.PromQLParser.StringContext;
import io.dwprom.promql.PromQLParser.SubqueryContext;
import io.dwprom.promql.PromQLParser.UnaryContext;
import io.dwprom.promql.PromQLParser.VectorSelectorContext;

import com.google.re2j.PatternSyntaxException;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns ANTLR's parse tree into an {@link Expr} and checks what the grammar leaves open: known functions,
 * argument counts of aggregations, one metric name per selector, at least one matcher that does not match
 * the empty string, valid label names, escapes and regular expressions, one offset and one @ per selector.
 */
final class AstBuilder extends PromQLParserBaseVisitor<Expr> {
    private static final Set<String> PARAMETRIC = Set.of("topk", "bottomk", "limitk", "limit_ratio", "quantile",
            "count_values");

    private final Set<String> extraFunctions;

    AstBuilder(Set<String> extraFunctions) {
        this.extraFunctions = extraFunctions;
    }

    /** A semantic error at a token; {@link PromQl} turns it into a {@link PromQlSyntaxException}. */
    static final class InvalidQuery extends RuntimeException {
        final Token at;

        InvalidQuery(Token at, String message) {
            super(message, null, false, false);
            this.at = at;
        }
    }

    @Override
    public Expr visitSubquery(SubqueryContext ctx) {
        String[] modifiers = modifiers(ctx.modifiers());
        return new Subquery(visit(ctx.expr()), ctx.range(0).getText(), ctx.step == null ? null : ctx.step.getText(),
                modifiers[0], modifiers[1]);
    }

    @Override
    public Expr visitBinary(BinaryContext ctx) {
        String op = ctx.op.getText().toLowerCase(Locale.ROOT);
        boolean setOperator = op.equals("and") || op.equals("or") || op.equals("unless");
        VectorMatching matching = ctx.matching() == null ? null : matching(ctx.matching(), setOperator);
        return new Binary(op, visit(ctx.expr(0)), visit(ctx.expr(1)), ctx.BOOL() != null, matching);
    }

    private VectorMatching matching(MatchingContext ctx, boolean setOperator) {
        boolean on = ctx.ON() != null;
        List<String> labels = labels(ctx.labelList(0));
        VectorMatching.Cardinality card = ctx.GROUP_LEFT() != null ? VectorMatching.Cardinality.MANY_TO_ONE
                : ctx.GROUP_RIGHT() != null ? VectorMatching.Cardinality.ONE_TO_MANY
                : VectorMatching.Cardinality.ONE_TO_ONE;
        if (setOperator && card != VectorMatching.Cardinality.ONE_TO_ONE) {
            throw new InvalidQuery(ctx.labelList(0).getStop(), "no dialect allowed for \"and\", \"or\", \"unless\" operations");
        }
        List<String> include = ctx.labelList().size() > 1 ? labels(ctx.labelList(1)) : List.of();
        return new VectorMatching(card, on, labels, include);
    }

    @Override
    public Expr visitUnary(UnaryContext ctx) {
        return new Unary(ctx.sign.getText(), visit(ctx.expr()));
    }

    @Override
    public Expr visitParens(ParensContext ctx) {
        return new Parens(visit(ctx.expr()));
    }

    @Override
    public Expr visitAggregation(AggregationContext ctx) {
        String op = ctx.AGGREGATION_OP().getText().toLowerCase(Locale.ROOT);
        List<Expr> args = arguments(ctx.arguments());
        int expected = PARAMETRIC.contains(op) ? 2 : 1;
        if (args.size() != expected) {
            throw new InvalidQuery(ctx.AGGREGATION_OP().getSymbol(), "wrong number of arguments for aggregate expression "
                    + op + ": expected " + expected + ", got " + args.size());
        }
        Dialect dialect = ctx.dialect() == null ? null
                : new Dialect(ctx.dialect().WITHOUT() != null, labels(ctx.dialect().labelList()));
        return new Aggregation(op, expected == 2 ? args.get(0) : null, args.get(expected - 1), dialect);
    }

    @Override
    public Expr visitCall(CallContext ctx) {
        String name = ctx.IDENTIFIER().getText();
        if (!Functions.NAMES.contains(name) && !extraFunctions.contains(name)) {
            throw new InvalidQuery(ctx.IDENTIFIER().getSymbol(), "unknown function with name \"" + name + "\"");
        }
        return new Call(name, arguments(ctx.arguments()));
    }

    private List<Expr> arguments(ArgumentsContext ctx) {
        List<Expr> args = new ArrayList<>(ctx.expr().size());
        for (ExprContext e : ctx.expr()) {
            args.add(visit(e));
        }
        return args;
    }

    @Override
    public Expr visitMatrixSelector(MatrixSelectorContext ctx) {
        return new MatrixSelector(selector(ctx.vectorSelector(), ctx.modifiers()), ctx.range().getText());
    }

    @Override
    public Expr visitInstantSelector(InstantSelectorContext ctx) {
        return selector(ctx.vectorSelector(), ctx.modifiers());
    }

    private VectorSelector selector(VectorSelectorContext ctx, ModifiersContext modifiersCtx) {
        String name = ctx.metricName() == null ? null : ctx.metricName().getText();
        List<LabelMatcher> matchers = new ArrayList<>();
        if (ctx.matchers() != null) {
            for (MatcherContext m : ctx.matchers().matcher()) {
                LabelMatcher matcher = matcher(m);
                if (matcher.name().equals(LabelMatcher.METRIC_NAME) && name != null) {
                    throw new InvalidQuery(m.getStart(), "metric name must not be set twice: \"" + name + "\" or \""
                            + matcher.value() + "\"");
                }
                if (m.op == null && name == null) {
                    name = matcher.value();
                } else {
                    matchers.add(matcher);
                }
            }
        }
        if (name == null && matchers.stream().allMatch(m -> m.matches(""))) {
            throw new InvalidQuery(ctx.getStart(), "vector selector must contain at least one non-empty matcher");
        }
        String[] modifiers = modifiers(modifiersCtx);
        return new VectorSelector(name, matchers, modifiers[0], modifiers[1], ctx.getStart().getLine(),
                ctx.getStart().getCharPositionInLine() + 1);
    }

    private LabelMatcher matcher(MatcherContext ctx) {
        String value = unquote(ctx.STRING(ctx.STRING().size() - 1).getSymbol());
        if (ctx.op == null) {
            return new LabelMatcher(LabelMatcher.METRIC_NAME, LabelMatcher.Op.EQUAL, value);
        }
        String label = ctx.labelName() != null ? labelName(ctx.labelName()) : unquote(ctx.STRING(0).getSymbol());
        try {
            return new LabelMatcher(label, LabelMatcher.Op.of(ctx.op.getText()), value);
        } catch (PatternSyntaxException e) {
            throw new InvalidQuery(ctx.STRING(ctx.STRING().size() - 1).getSymbol(),
                    "invalid regular expression \"" + value + "\": " + e.getDescription()
                            + (e.getPattern() == null || e.getPattern().isEmpty() ? "" : ": `" + e.getPattern() + "`"));
        }
    }

    /** {offset, at} as written, each {@code null} when absent. */
    private static String[] modifiers(ModifiersContext ctx) {
        if (ctx.offset().size() > 1) {
            throw new InvalidQuery(ctx.offset(1).getStart(), "offset may not be set multiple times");
        }
        if (ctx.at().size() > 1) {
            throw new InvalidQuery(ctx.at(1).getStart(), "@ <timestamp> may not be set multiple times");
        }
        String offset = ctx.offset().isEmpty() ? null : textAfterFirstToken(ctx.offset(0));
        String at = null;
        if (!ctx.at().isEmpty()) {
            PromQLParser.AtContext a = ctx.at(0);
            if (a.IDENTIFIER() != null && !a.IDENTIFIER().getText().equals("start")
                    && !a.IDENTIFIER().getText().equals("end")) {
                throw new InvalidQuery(a.IDENTIFIER().getSymbol(), "@ modifier must be followed by a timestamp, start() or end()");
            }
            at = textAfterFirstToken(a);
        }
        return new String[] {offset, at};
    }

    private static String textAfterFirstToken(ParserRuleContext ctx) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < ctx.getChildCount(); i++) {
            sb.append(ctx.getChild(i).getText());
        }
        return sb.toString();
    }

    @Override
    public Expr visitNumber(NumberContext ctx) {
        String text = ctx.NUMBER().getText().toLowerCase(Locale.ROOT);
        double value = switch (text) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> text.startsWith("0x") ? hex(ctx, text.substring(2)) : Double.parseDouble(text);
        };
        return new NumberLiteral(value);
    }

    /** A hexadecimal literal; one past a signed 64-bit integer is an error, as in Prometheus' own parser. */
    private static long hex(NumberContext ctx, String digits) {
        try {
            return Long.parseLong(digits, 16);
        } catch (NumberFormatException e) {
            throw new InvalidQuery(ctx.NUMBER().getSymbol(), "error parsing number: 0x" + digits + " is out of range");
        }
    }

    @Override
    public Expr visitString(StringContext ctx) {
        return new StringLiteral(unquote(ctx.STRING().getSymbol()));
    }

    private static List<String> labels(LabelListContext ctx) {
        List<String> labels = new ArrayList<>(ctx.labelName().size());
        for (LabelNameContext l : ctx.labelName()) {
            labels.add(labelName(l));
        }
        return labels;
    }

    private static String labelName(LabelNameContext ctx) {
        String name = ctx.getText();
        if (!validLabelName(name)) {
            throw new InvalidQuery(ctx.getStart(), "invalid label name \"" + name + "\"");
        }
        return name;
    }

    private static boolean validLabelName(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
                return false;
            }
        }
        return !name.isEmpty();
    }

    private static String unquote(Token token) {
        try {
            return StringLiterals.unquote(token.getText());
        } catch (IllegalArgumentException e) {
            throw new InvalidQuery(token, e.getMessage());
        }
    }
}
