package io.dwprom.cli;

import io.dwprom.scrape.parse.Dialect;
import io.dwprom.lint.Scrape;
import io.dwprom.lint.ScrapeAnalyzer;
import io.dwprom.lint.report.PromtoolReport;
import io.dwprom.lint.rules.LintResult;
import io.dwprom.lint.rules.Linter;
import io.dwprom.lint.rules.PromtoolVersion;
import io.dwprom.lint.rules.Rules;
import io.dwprom.scrape.source.FetchOptions;
import io.dwprom.scrape.source.ScrapeFormat;
import io.dwprom.scrape.source.ScrapeReader;
import io.dwprom.scrape.source.SourceException;

import io.dwprom.lint.Family;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.InputStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Drop-in for {@code promtool check metrics}: stdin in, promtool's lines on stderr, its exit codes; promtool 3.x's by
 * default, 2.42's with {@code --promtool-version 2.42}; with {@code --extended} and {@code --lint} as promtool 3.9 and
 * later have them.
 */
@Command(name = CheckMetricsCommand.NAME, mixinStandardHelpOptions = true,
        description = {"Drop-in replacement for 'promtool check metrics': reads stdin, prints problems to stderr",
                "exactly as promtool does, exits 0 (clean), 3 (problems) or 1 (unparsable input)."})
final class CheckMetricsCommand implements Callable<Integer> {
    /** promtool reads stdin as text only: no protobuf detection. */
    private static final FetchOptions PROMTOOL_INPUT = FetchOptions.DEFAULT.withInputFormat(ScrapeFormat.TEXT);

    static final String NAME = "check-metrics";

    @ParentCommand
    private MetricsLintCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--extended",
            description = "Print each family's cardinality, its share of the total and the total to stdout, as promtool does.")
    private boolean extended;

    @Option(names = "--lint", paramLabel = "all|none", defaultValue = "all",
            description = "Linting checks to apply: all, none (as promtool, any value but none lints; default: ${DEFAULT-VALUE}).")
    private String lint;

    @Option(names = "--promtool-version", paramLabel = "3|2.42", defaultValue = "3", converter = VersionConverter.class,
            description = "The promtool whose parser and rules to follow: 3 (3.x, the default) or 2.42.")
    private PromtoolVersion version;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        boolean linting = !lint.equals("none");
        if (!extended && !linting) {
            err.println("error: at least one of --extended or linting must be enabled");
            err.println("Use --extended for cardinality analysis, or remove --lint=none to enable linting");
            return ExitCodes.PROMTOOL_PARSE_ERROR;
        }
        Scrape scrape;
        try {
            scrape = new ScrapeReader(PROMTOOL_INPUT, parent.stdin()).read("-", ScrapeAnalyzer.analysis(dialect(version, linting)));
        } catch (SourceException e) {
            err.println((linting ? "error while linting: " : "error while parsing text to metric families: ")
                    + e.getMessage());
            return ExitCodes.PROMTOOL_PARSE_ERROR;
        }
        int exit = ExitCodes.OK;
        if (linting) {
            exit = report(scrape, err, version);
        }
        err.flush();
        if (extended) {
            PrintWriter out = spec.commandLine().getOut();
            writeExtended(scrape, out);
            out.flush();
        }
        return exit;
    }

    /**
     * Lints {@code stdin} as the default promtool does and writes its lines to {@code err}; returns promtool's exit
     * code.
     */
    static int check(InputStream stdin, PrintWriter err) {
        PromtoolVersion version = PromtoolVersion.DEFAULT;
        Scrape scrape;
        try {
            scrape = new ScrapeReader(PROMTOOL_INPUT, stdin).read("-", ScrapeAnalyzer.analysis(version.dialect()));
        } catch (SourceException e) {
            err.println("error while linting: " + e.getMessage());
            return ExitCodes.PROMTOOL_PARSE_ERROR;
        }
        return report(scrape, err, version);
    }

    /**
     * How promtool reads the input: as promlint does when it lints; promtool 3.x reads UTF-8 names when it only counts
     * ({@code --extended --lint=none}), and refuses them when it lints.
     */
    private static Dialect dialect(PromtoolVersion version, boolean linting) {
        return !linting && version == PromtoolVersion.V3 ? Dialect.PROMTOOL_3_UTF8 : version.dialect();
    }

    private static int report(Scrape scrape, PrintWriter err, PromtoolVersion version) {
        LintResult result = new Linter(Rules.promtool(version)).lint(scrape);
        new PromtoolReport().write(result, "stdin", err);
        return result.problems().isEmpty() ? ExitCodes.OK : ExitCodes.PROMTOOL_PROBLEMS;
    }

    /**
     * promtool's {@code --extended} table: {@code Metric}, {@code Cardinality} (see {@link Family#promtoolCardinality()}),
     * {@code Percentage} of the total (two decimals, rounded as Go rounds), most series first (families with as many
     * series by name: promtool orders them as it walks a Go map, differently from run to run), then the total; the
     * columns aligned as Go's tabwriter aligns them (padding 4, each cell followed by its padding).
     */
    static void writeExtended(Scrape scrape, PrintWriter out) {
        List<Family> families = new ArrayList<>(scrape.families());
        families.sort(Comparator.comparingLong(Family::promtoolCardinality).reversed().thenComparing(Family::name));
        long total = 0;
        for (Family f : families) {
            total += f.promtoolCardinality();
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Metric", "Cardinality", "Percentage"});
        for (Family f : families) {
            double share = (double) f.promtoolCardinality() / (double) total;
            rows.add(new String[] {f.name(), Long.toString(f.promtoolCardinality()),
                    new BigDecimal(share * 100).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "%"});
        }
        rows.add(new String[] {"Total", Long.toString(total), "100%"});
        int[] widths = new int[3];
        for (String[] row : rows) {
            for (int i = 0; i < 3; i++) {
                widths[i] = Math.max(widths[i], Math.max(4, row[i].length() + 4));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < 3; i++) {
                sb.append(row[i]).append(" ".repeat(widths[i] - row[i].length()));
            }
            sb.append('\n');
        }
        out.print(sb);
    }

    /** Reads {@code --promtool-version}; an unknown version is a usage error naming the known ones. */
    static final class VersionConverter implements CommandLine.ITypeConverter<PromtoolVersion> {
        @Override
        public PromtoolVersion convert(String value) {
            try {
                return PromtoolVersion.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
