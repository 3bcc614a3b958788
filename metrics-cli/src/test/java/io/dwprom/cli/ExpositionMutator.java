package io.dwprom.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Deterministic inputs for promtool's text parser and linter: excerpts of real scrapes with mutations, and small
 * expositions built from scratch out of the tokens where its grammar and rules have edges. Input {@code i} of a seed
 * depends only on the seed, {@code i} and the scrapes, so a divergence is reproduced from its index alone.
 *
 * <p>Texts are held one byte per {@code char} (ISO-8859-1), so invalid UTF-8 can be written as easily as valid.
 */
final class ExpositionMutator {
    /** One generated input: what was done to it, and its bytes. */
    record Input(int index, String recipe, byte[] bytes) {
    }

    private static final String[] TYPE_WORDS = {"counter", "gauge", "histogram", "summary", "untyped",
            "gauge_histogram", "COUNTER", "Gauge", "HISTOGRAM", "Summary", "UNTYPED", "info", "stateset", "unknown",
            "gaugehistogram", "", " ", "counter ", "gauge\t", "histo gram", "\u00c5\u00bfummary", "gauge\r"};
    private static final String[] SUFFIXES = {"_sum", "_count", "_bucket", "_total", "_created", "_info", ""};
    private static final String[] UNITS = {"amperes", "bytes", "celsius", "grams", "joules", "kelvin", "meters",
            "metres", "seconds", "volts", "minutes", "hours", "days", "weeks", "kelvins", "fahrenheit", "rankine",
            "inches", "yards", "miles", "bits", "calories", "pounds", "ounces"};
    private static final String[] PREFIXES = {"pico", "nano", "micro", "milli", "centi", "deci", "deca", "hecto",
            "kilo", "kibi", "mega", "mibi", "giga", "gibi", "tera", "tebi", "peta", "pebi"};
    private static final String[] WORDS = {"http", "requests", "process", "cpu", "go", "memstats", "jvm", "pool",
            "x", "a", "node", "disk", "io", "time", "size", "s", "ms", "us", "ns", "sec", "b", "kb", "mb", "gb", "tb",
            "pb", "m", "h", "d", "counter", "gauge", "histogram", "summary", "gauge_histogram", "untyped", "Counter",
            "GAUGE", "total", "sum", "count", "bucket", "created", "info", "requestCount", "fooBar", "aB", "a:b", "",
            "MS", "Seconds", "SECONDS", "Ms"};
    /** Literals Go's ParseFloat reads: signs, leading zeros, long mantissas and exponents, Inf and NaN spellings. */
    private static final String[] GO_FLOATS = {"1", "0", "-0", "+1", "1e3", "1E3", "1e+5", "1e-5", ".5", "5.",
            "-.5e-5", "+.5", "0001", "00.5e0001", "017", "Inf", "+Inf", "-Inf", "inf", "INF", "+inf", "-iNf",
            "infinity", "+Infinity", "-INFINITY", "NaN", "nan", "NAN", "nAn", "1e-400", "4.9e-324", "2.4e-324",
            "2.5e-324", "2.4703282292062328e-324", "1.7976931348623157e308", "1.7976931348623158e308",
            "1e00000000000000000000000005", "1e-00000000000000000000000400", "0.000000000000000000000000000001",
            "123456789012345678901234567890", "9007199254740993", "9007199254740993.0000000000000000001",
            "1" + "0".repeat(899) + "e-500", "1" + "0".repeat(799) + "e-400", "0." + "0".repeat(2000) + "1e2300",
            "1e-99999", "1e" + "0".repeat(30) + "308"};
    /**
     * Tokens promtool refuses as floats, or nearly so: out of range, hex (ParseFloat reads {@code 0x1p-2}, expfmt
     * refuses any {@code p}), underscores, signed NaN, truncated Inf, other digits and separators.
     */
    private static final String[] OTHER_NUMBERS = {".", "-.", "1.2.3", "--1", "+-1", "1ee5", "1e", "e5", "0x1p-2",
            "0x10", "0X1P3", "0x1.8p+1", "0x.8p1", "0x", "0x_1p0", "1_000", "1_0.5", "infinit", "infinityy", "+NaN",
            "-nan", "1e400", "-1e400", "1.7976931348623159e308", "1e99999", "1e" + "0".repeat(30) + "309", "17976931348623158079372897140530341507993413271003"
            + "782693617377898044496829276469540131924390457984424713519498726497217683286693700217826484357419001"
            + "342562451216e165", "\u00d9\u00a1", "1\r", "1,5", "0b101", "0o17", "1d", "1f", "\u00e2\u0088\u009e"};
    private static final String[] TIMESTAMPS = {"0", "-0", "+5", "1700000000000", "9223372036854775807",
            "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "1.5", "1e3", "0x10", "1_000",
            "00001", "NaN", "+", "-", "1 2", "1\t", "1 #", "1\r"};
    private static final String[] LABEL_VALUES = {"", "a", "\\\\", "\\\"", "\\n", "\\t", "\\x", "\\u00e9", "a b",
            "}", ",", "=", "#", "{", "\u00c3\u00a9", "\u00ff", "\u00c3", "\u00e2\u0082\u00ac", "\u00ed\u00a0\u0080",
            "\u00f4\u0090\u0080\u0080", "\t", "\r", "1", "+Inf", "0.5", "NaN", "1e400", "0x1p0", "1_0", "inf", "-0",
            " 1", "1 "};
    private static final String[] LABEL_NAMES = {"le", "quantile", "a", "code", "method", "pathName", "_", "__a",
            "__name__", "a1", "1a", "a-b", "a.b", "\u00c3\u00a9", "LE", "Quantile", "le ", "a\t"};
    private static final String[] LINE_ENDS = {" ", "\t", "\r", " \t", "\t ", "\r\r", " \r", "\\", "#", " #", "{}",
            "\u00c2\u00a0", "\u000b", "\f", "\u0000"};
    private static final String[] TAILS = {" ", "\t", "\r", " \t ", "\n", "\n\n", " \n", "x", " x", "#", "# EOF",
            "\r\n", "\t\t\t", "\u0000", "\u000b"};
    private static final String[] COMMENTS = {"# EOF", "#", "# ", "#\t", "# random text", "#HELP x y", "#TYPE x gauge",
            "# HELP", "# TYPE", "# HELP ", "# TYPE ", "# UNIT x_seconds seconds", "# help x y", "# type x gauge",
            "  # HELP x y", "\t# TYPE x gauge", "# HELP x", "# HELP x ", "# TYPE x", "# TYPE x \t", "# HELP x\\",
            "# HELP 1x y", "# HELP x-y z", "# HELP :x y", "# HELP x{a=\"b\"} y", "##", "# #", "# EOF ", "#EOF"};
    /**
     * What a mutation does, and how often relative to the others: those that keep the input readable to promtool
     * more often than those that mostly break its grammar, so that most inputs reach the linter.
     */
    private enum Mutation {
        DELETE_LINE(2), DUPLICATE_LINE(2), SWAP_LINES(2), LINE_END(1), AFTER_LAST_NEWLINE(1), NO_LAST_NEWLINE(1),
        HELP_OR_TYPE_WITHOUT_TEXT(2), TYPE_WORD(2), FAMILY_SUFFIX(2), LINE_SUFFIX(2), LABELS(1), VALUE(1),
        TIMESTAMP(1), UNIT_WORDS(3), LINE_INSERTED(1), BYTE_INSERTED(1), FAMILY_INSERTED(3);

        private final int weight;

        Mutation(int weight) {
            this.weight = weight;
        }

        private static final Mutation[] WEIGHTED = Arrays.stream(values())
                .flatMap(m -> Stream.generate(() -> m).limit(m.weight)).toArray(Mutation[]::new);

        static Mutation pick(Random r) {
            return WEIGHTED[r.nextInt(WEIGHTED.length)];
        }
    }

    private static final String INSERTED_BYTES = "{}\",= \t#\\:_.-+eE0\r\u00c3\u00ff\u0000";

    private final List<List<String>> scrapes;
    private final long seed;

    /** @param scrapes each scrape's lines, one byte per char, without their newlines */
    ExpositionMutator(List<List<String>> scrapes, long seed) {
        this.scrapes = scrapes;
        this.seed = seed;
    }

    /** Splits a scrape into the lines the generator works on. */
    static List<String> lines(byte[] scrape) {
        String text = new String(scrape, StandardCharsets.ISO_8859_1);
        return List.of(text.split("\n"));
    }

    /** Inputs {@code 0 .. count-1}. */
    List<Input> generate(int count) {
        List<Input> inputs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            inputs.add(input(i));
        }
        return inputs;
    }

    /** Input {@code index}: a quarter built from scratch, the rest mutated excerpts of the scrapes. */
    Input input(int index) {
        // Random's first values from neighbouring seeds are alike: SplittableRandom mixes the seed first
        Random r = new Random(new SplittableRandom(seed * 1_000_003L + index).nextLong());
        StringBuilder recipe = new StringBuilder();
        Text text = new Text();
        if (r.nextInt(4) == 0) {
            String base = r.nextBoolean() ? unitName(r) : pick(r, new String[] {"h", "s", "c", "x", "rpc_seconds"});
            int families = 1 + r.nextInt(3);
            for (int f = 0; f < families; f++) {
                text.lines.addAll(syntheticFamily(r, r.nextInt(3) == 0 ? unitName(r) : base + pick(r, SUFFIXES)));
            }
            recipe.append("synthetic");
            if (r.nextInt(3) == 0) {
                Collections.shuffle(text.lines, r);
                recipe.append(", shuffled");
            }
        } else {
            List<String> scrape = scrapes.get(r.nextInt(scrapes.size()));
            int length = r.nextInt(100) == 0 ? scrape.size() : 1 + r.nextInt(Math.min(40, scrape.size()));
            int from = r.nextInt(scrape.size() - length + 1);
            if (r.nextBoolean()) { // start at a family's first comment
                while (from > 0 && !scrape.get(from).startsWith("# HELP")) {
                    from--;
                }
                length = Math.min(length, scrape.size() - from);
            }
            text.lines.addAll(scrape.subList(from, from + length));
            recipe.append("excerpt of ").append(length).append(" lines");
        }
        int mutations = r.nextInt(4);
        for (int m = 0; m < mutations && !text.lines.isEmpty(); m++) {
            recipe.append(", ").append(mutate(text, r));
        }
        return new Input(index, recipe.toString(), text.bytes());
    }

    /** Lines, and what follows the last of them. */
    private static final class Text {
        final List<String> lines = new ArrayList<>();
        boolean lastNewline = true;
        String tail = "";

        byte[] bytes() {
            String joined = String.join("\n", lines) + (lastNewline && !lines.isEmpty() ? "\n" : "") + tail;
            return joined.getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    private static String mutate(Text t, Random r) {
        List<String> lines = t.lines;
        int i = r.nextInt(lines.size());
        String line = lines.get(i);
        return switch (Mutation.pick(r)) {
            case DELETE_LINE -> {
                lines.remove(i);
                yield "delete line " + i;
            }
            case DUPLICATE_LINE -> {
                lines.add(i, line);
                yield "duplicate line " + i;
            }
            case SWAP_LINES -> {
                int j = r.nextBoolean() ? Math.min(i + 1, lines.size() - 1) : r.nextInt(lines.size());
                lines.set(i, lines.get(j));
                lines.set(j, line);
                yield "swap lines " + i + " and " + j;
            }
            case LINE_END -> {
                lines.set(i, line + pick(r, LINE_ENDS));
                yield "line end of " + i;
            }
            case AFTER_LAST_NEWLINE -> {
                t.tail = pick(r, TAILS);
                yield "after the last newline";
            }
            case NO_LAST_NEWLINE -> {
                t.lastNewline = false;
                yield "no trailing newline";
            }
            case HELP_OR_TYPE_WITHOUT_TEXT -> {
                String name = nameOf(line);
                lines.set(i, (r.nextBoolean() ? "# HELP " : "# TYPE ") + name + pick(r, new String[] {" ", "\t", "  ",
                        " \t", ""}));
                yield "HELP/TYPE without text at " + i;
            }
            case TYPE_WORD -> changeType(lines, r);
            case FAMILY_SUFFIX -> renameFamily(lines, nameOf(line), nameOf(line) + pick(r, SUFFIXES), "suffix");
            case LINE_SUFFIX -> {
                String name = nameOf(line);
                for (String suffix : SUFFIXES) {
                    if (!suffix.isEmpty() && name.endsWith(suffix)) {
                        String stem = name.substring(0, name.length() - suffix.length());
                        String to = r.nextBoolean() ? stem : stem + pick(r, SUFFIXES);
                        lines.set(i, line.replace(name, to));
                        yield "suffix of line " + i;
                    }
                }
                lines.set(i, line.replaceFirst(Pattern.quote(name), name + pick(r, SUFFIXES)));
                yield "suffix added on line " + i;
            }
            case LABELS -> {
                lines.set(i, mangleLabels(line, r));
                yield "labels of line " + i;
            }
            case VALUE -> {
                lines.set(i, replaceValue(line, number(r)));
                yield "value of line " + i;
            }
            case TIMESTAMP -> {
                lines.set(i, replaceValue(line, number(r)) + " " + pick(r, TIMESTAMPS));
                yield "timestamp of line " + i;
            }
            case UNIT_WORDS -> renameFamily(lines, nameOf(line), unitName(r), "unit words");
            case LINE_INSERTED -> {
                lines.add(i, r.nextInt(3) == 0 ? pick(r, new String[] {"", " ", "\t", "\r", " \r"}) : pick(r, COMMENTS));
                yield "line inserted at " + i;
            }
            case BYTE_INSERTED -> {
                int at = r.nextInt(line.length() + 1);
                String what = String.valueOf(INSERTED_BYTES.charAt(r.nextInt(INSERTED_BYTES.length())));
                lines.set(i, line.substring(0, at) + what + line.substring(at));
                yield "byte inserted in line " + i;
            }
            case FAMILY_INSERTED -> {
                lines.addAll(i, syntheticFamily(r, r.nextBoolean() ? unitName(r) : nameOf(line) + pick(r, SUFFIXES)));
                yield "family inserted at " + i;
            }
        };
    }

    /** The metric name a sample, HELP or TYPE line is about ("" if none). */
    static String nameOf(String line) {
        int p = 0;
        if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
            p = 7;
        }
        int end = p;
        while (end < line.length() && isNameChar(line.charAt(end))) {
            end++;
        }
        return line.substring(p, end);
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == ':';
    }

    private static String changeType(List<String> lines, Random r) {
        for (int k = 0; k < lines.size(); k++) {
            int i = (k + r.nextInt(lines.size())) % lines.size();
            if (lines.get(i).startsWith("# TYPE ")) {
                String name = nameOf(lines.get(i));
                lines.set(i, "# TYPE " + name + " " + typeWord(r));
                return "type of line " + i;
            }
        }
        lines.add(0, "# TYPE " + nameOf(lines.get(0)) + " " + typeWord(r));
        return "type added";
    }

    /** Renames a family's HELP, TYPE and sample lines (the name, or the name and a suffix) from {@code from}. */
    private static String renameFamily(List<String> lines, String from, String to, String what) {
        if (from.isEmpty()) {
            return what + ": no name";
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String name = nameOf(line);
            int at = line.startsWith("# HELP ") || line.startsWith("# TYPE ") ? 7 : 0;
            for (String suffix : SUFFIXES) {
                if (name.equals(from + suffix)) {
                    lines.set(i, line.substring(0, at) + to + suffix + line.substring(at + name.length()));
                    break;
                }
            }
        }
        return what + ": " + from + " to " + to;
    }

    /** A name of words among units (prefixed or bare), abbreviations, type words, suffixes and camelCase. */
    private static String unitName(Random r) {
        int words = 1 + r.nextInt(4);
        StringBuilder name = new StringBuilder(r.nextInt(8) == 0 ? "_" : "");
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                name.append(r.nextInt(10) == 0 ? "__" : "_");
            }
            switch (r.nextInt(3)) {
                case 0 -> name.append(pick(r, PREFIXES)).append(pick(r, UNITS));
                case 1 -> name.append(pick(r, UNITS));
                default -> name.append(pick(r, WORDS));
            }
        }
        if (name.length() == 0 || !(Character.isLetter(name.charAt(0)) || name.charAt(0) == '_')) {
            name.insert(0, "m_");
        }
        return name.toString();
    }

    private static String mangleLabels(String line, Random r) {
        String name = nameOf(line);
        if (name.isEmpty() || line.startsWith("#")) {
            return line;
        }
        String rest = line.substring(name.length());
        String labels = "";
        if (rest.startsWith("{") && rest.indexOf('}') > 0) {
            labels = rest.substring(1, rest.lastIndexOf('}'));
            rest = rest.substring(rest.lastIndexOf('}') + 1);
        } else if (!rest.startsWith(" ")) {
            return line;
        }
        List<String> pairs = new ArrayList<>(labels.isEmpty() ? List.of() : List.of(labels.split(",", -1)));
        switch (r.nextInt(7)) {
            case 0 -> {
                if (!pairs.isEmpty()) {
                    pairs.add(r.nextInt(pairs.size() + 1), pairs.get(r.nextInt(pairs.size())));
                }
            }
            case 1 -> pairs.add(r.nextInt(pairs.size() + 1), pick(r, LABEL_NAMES) + "=\"" + pick(r, LABEL_VALUES) + "\"");
            case 2 -> pairs.add(r.nextInt(pairs.size() + 1), pick(r, new String[] {"le", "quantile"}) + "=\""
                    + number(r) + "\"");
            case 3 -> {
                if (!pairs.isEmpty()) {
                    int k = r.nextInt(pairs.size());
                    String pair = pairs.get(k);
                    int eq = pair.indexOf('=');
                    pairs.set(k, (eq < 0 ? pair : pair.substring(0, eq)) + "=\"" + pick(r, LABEL_VALUES) + "\"");
                }
            }
            case 4 -> pairs.add(pick(r, new String[] {"", " ", "a", "a=", "a=b", "a=\"b", "=\"b\"", " a = \"b\" "}));
            case 5 -> {
                for (int k = 0; k < 70; k++) { // more labels than the parser caches names for
                    pairs.add((k % 3 == 0 ? "labelNo" : "label_") + k + "=\"" + k + "\"");
                }
            }
            default -> {
                if (!pairs.isEmpty()) {
                    pairs.remove(r.nextInt(pairs.size()));
                }
            }
        }
        return name + pick(r, new String[] {"", "", " ", "\t"}) + "{" + String.join(",", pairs) + "}" + rest;
    }

    /** The line with its value (the first token after the name and labels) replaced; comments unchanged. */
    private static String replaceValue(String line, String value) {
        if (line.startsWith("#") || nameOf(line).isEmpty()) {
            return line;
        }
        int close = line.lastIndexOf('}');
        int start = close >= 0 ? close + 1 : nameOf(line).length();
        while (start < line.length() && line.charAt(start) == ' ') {
            start++;
        }
        int end = start;
        while (end < line.length() && line.charAt(end) != ' ') {
            end++;
        }
        return line.substring(0, start) + value + line.substring(end);
    }

    /** A family of a random type, with or without HELP and TYPE, and samples with or without its suffixes. */
    private static List<String> syntheticFamily(Random r, String name) {
        String type = r.nextInt(8) == 0 ? pick(r, TYPE_WORDS) : pick(r, new String[] {"counter", "gauge", "histogram",
                "summary", "untyped"});
        List<String> lines = new ArrayList<>();
        boolean helpFirst = r.nextBoolean();
        String help = "# HELP " + name + pick(r, new String[] {" Help.", " ", "", " a\\\\b\\nc", " \u00c3\u00a9", "\t\tHelp",
                " Help.", " Help.", " Help.", r.nextBoolean() ? " a\\\"b" : " Help\\"});
        String typeLine = "# TYPE " + name + " " + type;
        if (helpFirst && r.nextInt(4) > 0) {
            lines.add(help);
        }
        if (r.nextInt(5) > 0) {
            lines.add(typeLine);
        }
        if (!helpFirst && r.nextInt(4) > 0) {
            lines.add(help);
        }
        int samples = r.nextInt(6);
        for (int s = 0; s < samples; s++) {
            String suffix = pick(r, SUFFIXES);
            StringBuilder labels = new StringBuilder();
            String[] names = {"a", "b", "pathName", "code"};
            int first = r.nextInt(names.length);
            int count = r.nextInt(3);
            for (int l = 0; l < count; l++) {
                labels.append(l > 0 ? "," : "").append(names[(first + l) % names.length])
                        .append("=\"").append(pick(r, new String[] {"1", "2", ""})).append('"');
            }
            if (r.nextBoolean()) {
                String special = suffix.equals("_bucket") || r.nextInt(4) == 0 ? "le" : "quantile";
                labels.append(labels.length() > 0 ? "," : "").append(special).append("=\"")
                        .append(pick(r, new String[] {"0.5", "1", "+Inf", "0.9", "NaN", "-Inf"})).append('"');
            }
            String value = r.nextInt(4) == 0 ? number(r) : String.valueOf(r.nextInt(10));
            String timestamp = r.nextInt(6) > 0 ? "" : r.nextBoolean() ? " 1700000000000" : " " + pick(r, TIMESTAMPS);
            lines.add(name + suffix + (labels.length() > 0 || r.nextInt(5) == 0 ? "{" + labels + "}" : "") + " "
                    + value + timestamp);
        }
        return lines;
    }

    /** A float literal Go reads, or one in five times a token that is no float to promtool. */
    private static String number(Random r) {
        return pick(r, r.nextInt(5) == 0 ? OTHER_NUMBERS : GO_FLOATS);
    }

    /** A type promtool knows, or one in three times any type word. */
    private static String typeWord(Random r) {
        return r.nextInt(3) == 0 ? pick(r, TYPE_WORDS) : pick(r, new String[] {"counter", "gauge", "histogram",
                "summary", "untyped", "gauge_histogram", "Counter", "GAUGE"});
    }

    private static String pick(Random r, String[] pool) {
        return pool[r.nextInt(pool.length)];
    }
}
