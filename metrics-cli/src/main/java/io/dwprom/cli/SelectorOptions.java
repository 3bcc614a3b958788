package io.dwprom.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --match SELECTOR} or {@code --job NAME}: which series of a server to look at. */
final class SelectorOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--match", paramLabel = "SELECTOR", description = "Series selector, e.g. '{job=\"api\",env=\"prod\"}'.")
    String match;

    @Option(names = "--job", paramLabel = "NAME", description = "Shorthand for --match '{job=\"NAME\"}': every instance of the job.")
    String job;

    /** The selector given, or {@code null} when neither option is; both at once is a usage error. */
    String selector() {
        if (match != null && job != null) {
            throw new ParameterException(command.commandLine(), "use --match or --job, not both");
        }
        return job != null ? "{job=\"" + job.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}" : match;
    }

    boolean given() {
        return match != null || job != null;
    }
}
