package io.dwprom.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.Callable;

/** The top-level {@code metrics-lint} command; holds what subcommands share. Its subcommands: {@link Subcommands}. */
@Command(name = "metrics-lint", mixinStandardHelpOptions = true,
        versionProvider = MetricsLintCommand.Version.class,
        description = "Lints Prometheus metric names and label cardinality from a scrape (URL, file or - for stdin).",
        footer = {"", "Exit codes: 0 clean, 1 findings at or above --fail-on (or a gate exceeded), 2 usage or input error.",
                "With --format promtool and check-metrics: promtool's codes (0 clean, 3 problems, 1 parse error)."})
public final class MetricsLintCommand implements Callable<Integer> {
    private final InputStream stdin;

    @Spec
    private CommandSpec spec;

    public MetricsLintCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    InputStream stdin() {
        return stdin;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.INPUT_ERROR;
    }

    /** Reads the version from the build's filtered properties. */
    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties p = new Properties();
            try (InputStream in = Version.class.getResourceAsStream("/metrics-cli-version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {"metrics-lint " + p.getProperty("version", "unknown")};
        }
    }
}
