package io.dwprom.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Differential test against the real {@code promtool check metrics} (2.42) on generated inputs
 * ({@link ExpositionMutator}: mutated excerpts of the real scrapes in {@code fixtures/}, and small expositions built
 * from the tokens where promtool's grammar and rules have edges). Wherever promtool reads an input, {@code check-metrics}
 * must give its exit code and its stderr, byte for byte; wherever promtool refuses one (exit 1, {@code error while
 * linting:}), it must refuse it too, with one such line in its own words.
 *
 * <p>promtool's unit rule walks a Go map: for a name with words of several units it reports any of them from run to run
 * (with the four units a generated name has at most, each about one run in five). Where the outputs differ only
 * in {@code use base unit} lines, promtool is run again, up to {@value #UNIT_RULE_RUNS} times, until it has given each
 * family's line of ours.
 *
 * <p>{@code -Dparity.generated.inputs=N} and {@code -Dparity.generated.seed=S} choose another corpus (default:
 * {@value #DEFAULT_INPUTS} inputs of seed {@value #DEFAULT_SEED}). Skipped when /usr/bin/promtool is absent (CI
 * installs it).
 */
class PromtoolGeneratedParityTest {
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    /** The command line of our side: the drop-in for promtool 2.42's {@code check metrics}. */
    private static final String[] CHECK_METRICS = {"check-metrics", "--promtool-version", "2.42"};
    private static final String PARSE_ERROR = "error while linting: ";
    private static final int DEFAULT_INPUTS = 3000;
    private static final long DEFAULT_SEED = 2042;
    private static final int UNIT_RULE_RUNS = 100;
    private static final int PROMTOOL_PROCESSES = 3;
    private static final int DIVERGENCES_SHOWN = 15;
    private static final int SHOWN_INPUT_BYTES = 3000;
    private static final List<String> SCRAPES = List.of("promlint-cases.prom", "node-exporter.prom",
            "node-exporter.om.txt", "demo-service.prom", "demo-service.om.txt");

    @Test
    void generatedInputsGiveThePromtoolLinesAndExitCode() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PROMTOOL),
                "/usr/bin/promtool is not installed (apt-get install prometheus); parity with promtool cannot be checked");
        int count = Integer.getInteger("parity.generated.inputs", DEFAULT_INPUTS);
        long seed = Long.getLong("parity.generated.seed", DEFAULT_SEED);
        List<List<String>> scrapes = new ArrayList<>();
        for (String name : SCRAPES) {
            try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/fixtures/" + name), name)) {
                scrapes.add(ExpositionMutator.lines(in.readAllBytes()));
            }
        }
        List<ExpositionMutator.Input> inputs = new ExpositionMutator(scrapes, seed).generate(count);

        ExecutorService processes = Executors.newFixedThreadPool(PROMTOOL_PROCESSES);
        Map<Integer, Integer> promtoolExitCodes = new TreeMap<>();
        List<String> divergences = new ArrayList<>();
        try {
            List<Future<CliRun>> promtool = new ArrayList<>(inputs.size());
            for (ExpositionMutator.Input input : inputs) {
                promtool.add(processes.submit(() -> promtool(input.bytes())));
            }
            for (int i = 0; i < inputs.size(); i++) {
                ExpositionMutator.Input input = inputs.get(i);
                CliRun ours = CliRun.withStdin(input.bytes(), CHECK_METRICS);
                CliRun theirs = promtool.get(i).get();
                promtoolExitCodes.merge(theirs.exitCode(), 1, Integer::sum);
                if (!agree(theirs, ours) && !givenByAnotherRun(theirs, ours, input.bytes())) {
                    divergences.add(describe(input, theirs, ours));
                }
            }
        } finally {
            processes.shutdownNow();
        }
        if (!divergences.isEmpty()) {
            fail(divergences.size() + " of " + count + " generated inputs (seed " + seed + ") diverge from promtool; the first "
                    + Math.min(DIVERGENCES_SHOWN, divergences.size()) + ":\n\n"
                    + String.join("\n", divergences.subList(0, Math.min(DIVERGENCES_SHOWN, divergences.size()))));
        }
        // The corpus reaches each outcome: clean inputs, problems and refused inputs.
        assertThat(promtoolExitCodes).as("promtool exit codes over the corpus").containsOnlyKeys(0, 1, 3)
                .allSatisfy((code, n) -> assertThat(n).as("inputs with exit code %d", code).isGreaterThan(count / 20));
    }

    private static CliRun promtool(byte[] input) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write(input);
        } catch (IOException refusedEarly) {
            // promtool stops reading at its first parse error; the rest of the input does not matter
        }
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new CliRun(p.waitFor(), "", err);
    }

    private static boolean agree(CliRun theirs, CliRun ours) {
        if (!ours.out().isEmpty()) {
            return false;
        }
        if (theirs.exitCode() == ExitCodes.PROMTOOL_PARSE_ERROR && theirs.err().startsWith(PARSE_ERROR)) {
            return ours.exitCode() == ExitCodes.PROMTOOL_PARSE_ERROR && ours.err().startsWith(PARSE_ERROR)
                    && ours.err().indexOf('\n') == ours.err().length() - 1;
        }
        return ours.exitCode() == theirs.exitCode() && ours.err().equals(theirs.err());
    }

    /**
     * Whether our output is one promtool gives in some run, where only {@code use base unit} lines differ: each family's
     * unit line (or none) must be among those promtool printed for that family in {@value #UNIT_RULE_RUNS} runs (each
     * family walks the map anew, so a run mixes the choices of its families).
     */
    private static boolean givenByAnotherRun(CliRun theirs, CliRun ours, byte[] input)
            throws IOException, InterruptedException {
        if (theirs.exitCode() == ExitCodes.PROMTOOL_PARSE_ERROR || !ours.out().isEmpty()
                || ours.exitCode() != (ours.err().isEmpty() ? ExitCodes.OK : ExitCodes.PROMTOOL_PROBLEMS)
                || !otherLines(theirs).equals(otherLines(ours))) {
            return false;
        }
        Map<String, String> wanted = unitLines(ours);
        Map<String, Set<String>> seen = new HashMap<>();
        Set<String> families = new HashSet<>(wanted.keySet());
        families.addAll(unitLines(theirs).keySet());
        CliRun run = theirs;
        for (int n = 1; otherLines(run).equals(otherLines(ours)); n++) {
            Map<String, String> given = unitLines(run);
            for (String family : families) {
                seen.computeIfAbsent(family, f -> new HashSet<>()).add(given.getOrDefault(family, ""));
            }
            if (families.stream().allMatch(f -> seen.get(f).contains(wanted.getOrDefault(f, "")))) {
                return true;
            }
            if (n == UNIT_RULE_RUNS) {
                return false;
            }
            run = promtool(input);
        }
        return false;
    }

    private static boolean isUnitLine(String line) {
        return line.contains(" use base unit ");
    }

    private static List<String> otherLines(CliRun run) {
        return run.err().lines().filter(line -> !isUnitLine(line)).toList();
    }

    /** Each family's {@code use base unit} line. */
    private static Map<String, String> unitLines(CliRun run) {
        Map<String, String> lines = new HashMap<>();
        run.err().lines().filter(PromtoolGeneratedParityTest::isUnitLine)
                .forEach(line -> lines.put(line.substring(0, line.indexOf(' ')), line));
        return lines;
    }

    private static String describe(ExpositionMutator.Input input, CliRun theirs, CliRun ours) {
        byte[] bytes = input.bytes();
        String shown = escape(bytes, Math.min(bytes.length, SHOWN_INPUT_BYTES))
                + (bytes.length > SHOWN_INPUT_BYTES ? "... (" + bytes.length + " bytes)" : "");
        return "input " + input.index() + " (" + input.recipe() + "):\n  \"" + shown + "\"\n"
                + "  promtool:      exit " + theirs.exitCode() + ", stderr \"" + escape(theirs.err()) + "\"\n"
                + "  check-metrics: exit " + ours.exitCode() + ", stderr \"" + escape(ours.err()) + "\""
                + (ours.out().isEmpty() ? "" : ", stdout \"" + escape(ours.out()) + "\"") + "\n";
    }

    private static String escape(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return escape(bytes, bytes.length);
    }

    /** Java-style escapes: printable ASCII as it is, {@code \n \r \t \\ \"}, every other byte as {@code \xNN}. */
    private static String escape(byte[] bytes, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int c = bytes[i] & 0xff;
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                default -> sb.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\x%02x", c));
            }
        }
        return sb.toString();
    }
}
