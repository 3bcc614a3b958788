package io.dwprom.promql;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import java.util.List;
import java.util.Set;

/** Parses PromQL text into an {@link Expr} with the ANTLR grammar in {@code src/main/antlr4}. */
public final class PromQl {
    /**
     * The deepest expression tree parsed: far beyond what people write, and shallow enough for the parser, the tree
     * builder and the analyses, which recurse, to stay within a thread's default stack.
     */
    public static final int MAX_DEPTH = 128;

    private PromQl() {
    }

    /** Parses one query; a syntax error names the line and column (both 1-based) where it was found. */
    public static Expr parse(String query) throws PromQlSyntaxException {
        return parse(query, Set.of());
    }

    /**
     * Parses one query that may also call {@code extraFunctions} (for example Grafana's
     * {@code label_values} in a dashboard variable).
     */
    public static Expr parse(String query, Set<String> extraFunctions) throws PromQlSyntaxException {
        PromQLLexer lexer = new PromQLLexer(CharStreams.fromString(query));
        lexer.removeErrorListeners();
        FirstError errors = new FirstError();
        lexer.addErrorListener(errors);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        try {
            tokens.fill();
        } catch (ParseCancellationException e) {
            throw errors.error;
        }
        checkDepth(tokens.getTokens());
        PromQLParser parser = new PromQLParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        // SLL prediction is the fast path; the full LL algorithm only decides what SLL could not.
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        PromQLParser.QueryContext tree;
        try {
            tree = parser.query();
        } catch (ParseCancellationException sllFailed) {
            try {
                parser.reset();
                parser.getInterpreter().setPredictionMode(PredictionMode.LL);
                tree = parser.query();
            } catch (ParseCancellationException e) {
                throw errors.error;
            }
        }
        try {
            return new AstBuilder(extraFunctions).visit(tree.expr());
        } catch (AstBuilder.InvalidQuery e) {
            throw new PromQlSyntaxException(e.at.getLine(), e.at.getCharPositionInLine() + 1, e.getMessage());
        }
    }

    /**
     * Refuses a query whose expression tree could be deeper than {@link #MAX_DEPTH}, before the parser, the tree
     * builder and the analyses recurse into it. The depth counted bounds the tree's from above: each open
     * parenthesis adds a level, and so does each operator (binary, unary, subquery or range bracket) at its
     * parenthesis level, as in a chain {@code a or b or c} each operator nests the expression before it.
     */
    private static void checkDepth(List<Token> tokens) throws PromQlSyntaxException {
        int[] operatorsAtLevel = new int[MAX_DEPTH + 2];
        int level = 0;
        int depth = 1;
        int braces = 0;
        for (Token t : tokens) {
            switch (t.getType()) {
                case PromQLLexer.LEFT_BRACE -> braces++;
                case PromQLLexer.RIGHT_BRACE -> braces = Math.max(0, braces - 1);
                case PromQLLexer.LEFT_PAREN -> {
                    level++;
                    depth++;
                    if (depth <= MAX_DEPTH) {
                        operatorsAtLevel[level] = 0;
                    }
                }
                case PromQLLexer.RIGHT_PAREN -> {
                    if (level > 0) {
                        depth -= 1 + operatorsAtLevel[level];
                        level--;
                    }
                }
                case PromQLLexer.POW, PromQLLexer.MUL, PromQLLexer.DIV, PromQLLexer.MOD, PromQLLexer.ATAN2,
                        PromQLLexer.ADD, PromQLLexer.SUB, PromQLLexer.EQL, PromQLLexer.NEQ, PromQLLexer.GTR,
                        PromQLLexer.GTE, PromQLLexer.LSS, PromQLLexer.LTE, PromQLLexer.AND, PromQLLexer.UNLESS,
                        PromQLLexer.OR, PromQLLexer.LEFT_BRACKET -> {
                    if (braces == 0) {
                        operatorsAtLevel[level]++;
                        depth++;
                    }
                }
                default -> {
                }
            }
            if (depth > MAX_DEPTH) {
                throw new PromQlSyntaxException(t.getLine(), t.getCharPositionInLine() + 1,
                        "query nests deeper than " + MAX_DEPTH + " (parentheses, operators and subqueries)");
            }
        }
    }

    /** ANTLR's message without a list of more than a few expected tokens. */
    private static String shortened(String message) {
        int list = message.indexOf(" expecting {");
        if (list >= 0 && message.indexOf(',', list) >= 0
                && message.chars().skip(list).filter(c -> c == ',').count() > 4) {
            return message.substring(0, list);
        }
        return message;
    }

    /** Stops at the first lexer or parser error, keeping it with its position. */
    private static final class FirstError extends BaseErrorListener {
        PromQlSyntaxException error;

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column, String msg,
                                RecognitionException e) {
            error = new PromQlSyntaxException(line, column + 1, shortened(msg));
            throw new ParseCancellationException(msg);
        }
    }
}
