package io.dwprom.cli;

import io.dwprom.scrape.source.Sources;

import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintWriter;

/**
 * Entry point: the only place that ends the process.
 *
 * <p>The everyday invocations, {@code lint SOURCE} and {@code check-metrics}, run their command directly: picocli's
 * start-up (its model, built by reflection) costs several times what linting a scrape of a few thousand lines does.
 * Every other invocation, including any option, goes through picocli with only the invoked subcommand registered
 * (see {@link Subcommands}).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out);
        PrintWriter err = new PrintWriter(System.err);
        int code;
        try {
            code = run(args, System.in, out, err);
        } catch (Throwable e) {
            code = failed(e, err);
        }
        // PrintWriter and PrintStream swallow write errors: a report written to a full disk or a closed pipe is lost,
        // which must not pass for success.
        if (out.checkError()) {
            err.println("metrics-lint: cannot write the report to standard output (disk full or output closed)");
            code = ExitCodes.INPUT_ERROR;
        }
        err.flush();
        // Runtime.halt rather than System.exit, once the output is flushed: metrics-lint registers no shutdown hook,
        // and from Java 21 on System.exit first sets up the platform's logging to log the exit, which costs as much as
        // linting an everyday scrape.
        Runtime.getRuntime().halt(code);
    }

    /** Runs metrics-lint with {@code args}; returns the exit code. The writers are flushed by the caller. */
    public static int run(String[] args, InputStream stdin, PrintWriter out, PrintWriter err) {
        try {
            if (args.length == 1 && args[0].equals(CheckMetricsCommand.NAME)) {
                return CheckMetricsCommand.check(stdin, err);
            }
            if (args.length == 2 && args[0].equals(LintCommand.NAME) && isPlainSource(args[1])) {
                return new LintCommand(args[1]).run(stdin, out, err);
            }
            CommandLine cl = commandLine(args, stdin);
            cl.setOut(out);
            cl.setErr(err);
            return cl.execute(args);
        } catch (Throwable e) {
            // picocli hands only Exceptions to the execution handler: an Error (out of memory, stack overflow) arrives
            // here, as does anything thrown on the path without picocli.
            return failed(e, err);
        }
    }

    /** A source argument picocli would not treat specially: not an option, not an {@code @argument-file}. */
    private static boolean isPlainSource(String arg) {
        return arg.equals("-") || !arg.isEmpty() && arg.charAt(0) != '-' && arg.charAt(0) != '@';
    }

    /** The command line for {@code args}: picocli reflects over the invoked subcommand only, or all for help. */
    static CommandLine commandLine(String[] args, InputStream stdin) {
        CommandLine cl = new CommandLine(new MetricsLintCommand(stdin));
        Class<?> invoked = args.length > 0 ? Subcommands.byName(args[0]) : null;
        if (invoked != null) {
            cl.addSubcommand(invoked);
        } else {
            for (Class<?> command : Subcommands.all()) {
                cl.addSubcommand(command);
            }
        }
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> failed(ex, commandLine.getErr()));
        cl.setParameterExceptionHandler((ex, ignored) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("metrics-lint: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCodes.INPUT_ERROR;
        });
        return cl;
    }

    /** One line naming what went wrong, never a stack trace. */
    static int failed(Throwable e, PrintWriter err) {
        err.println("metrics-lint: " + describe(e));
        return ExitCodes.INPUT_ERROR;
    }

    /** What went wrong, in one line; an Error says what it means for the input and how to get past it. */
    private static String describe(Throwable e) {
        if (e instanceof Error error && Sources.ranOutOfHeap(error)) {
            return "out of memory: the input does not fit in the Java heap (" + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MiB); raise it with -Xmx in METRICS_LINT_JAVA_OPTS, or lower --max-bytes";
        }
        if (e instanceof StackOverflowError) {
            return "an input nests too deeply to analyse (stack overflow)";
        }
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.toString() : e.getMessage();
        int newline = message.indexOf('\n');
        message = newline < 0 ? message : message.substring(0, newline);
        return e instanceof Exception ? message : "internal error: " + message;
    }
}
