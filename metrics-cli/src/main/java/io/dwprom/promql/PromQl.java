package io.dwprom.promql;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import java.util.Set;

/** Parses PromQL text into an {@link Expr} with the ANTLR grammar in {@code src/main/antlr4}. */
public final class PromQl {
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
        PromQLParser parser = new PromQLParser(new CommonTokenStream(lexer));
        lexer.removeErrorListeners();
        parser.removeErrorListeners();
        FirstError errors = new FirstError();
        lexer.addErrorListener(errors);
        parser.addErrorListener(errors);
        // SLL prediction is the fast path; the full LL algorithm only decides what SLL could not.
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        PromQLParser.QueryContext tree;
        try {
            tree = parser.query();
        } catch (ParseCancellationException sllFailed) {
            lexer.reset();
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            try {
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
