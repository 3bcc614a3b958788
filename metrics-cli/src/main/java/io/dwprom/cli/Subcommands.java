package io.dwprom.cli;

import picocli.CommandLine.Command;

import java.util.List;

/** The subcommands of {@code metrics-lint}, in the order {@code --help} lists them. */
final class Subcommands {
    /*
     * Register a subcommand with one line here. picocli builds only the invoked subcommand, so what a subcommand
     * uses (Jackson, ANTLR, an HTTP client, ...) stays off the start of every other one, provided it is referenced
     * only from that subcommand's own classes: never from a static initialiser, field type or signature of a class
     * another subcommand loads (Main, MetricsLintCommand, SourceOptions, the lint packages).
     */
    private static final List<Class<?>> ALL = List.of(
            LintCommand.class,
            CheckMetricsCommand.class,
            CardinalityCommand.class,
            DiffCommand.class,
            ServerCardinalityCommand.class,
            ChurnCommand.class,
            UsageCommand.class);

    private Subcommands() {
    }

    static List<Class<?>> all() {
        return ALL;
    }

    /** The subcommand called {@code name}, or {@code null}. Reads only the classes' {@code @Command} names. */
    static Class<?> byName(String name) {
        for (Class<?> command : ALL) {
            if (command.getAnnotation(Command.class).name().equals(name)) {
                return command;
            }
        }
        return null;
    }
}
