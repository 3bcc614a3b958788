package io.dwprom.cli;

import picocli.CommandLine;

import java.io.InputStream;

/** Entry point: the only place that calls {@link System#exit}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.in).execute(args));
    }

    /** A configured command line; tests set its out/err writers and call {@code execute}. */
    public static CommandLine commandLine(InputStream stdin) {
        CommandLine cl = new CommandLine(new MetricsLintCommand(stdin));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            String message = ex.getMessage() == null ? ex.toString() : ex.getMessage();
            commandLine.getErr().println("metrics-lint: " + message);
            commandLine.getErr().flush();
            return ExitCodes.INPUT_ERROR;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("metrics-lint: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            c.getErr().flush();
            return ExitCodes.INPUT_ERROR;
        });
        return cl;
    }
}
