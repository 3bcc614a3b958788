package io.dwprom.usage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Turns a fuzzer's few bytes into an input far larger or deeper than the bytes themselves, so that the fuzzers reach
 * sizes and depths a length-capped input never does. The bytes are UTF-8 text: a first line with a repetition
 * count, then the fields {@code prefix}, {@code open}, {@code middle}, {@code close} and {@code suffix}, one a line
 * (missing fields are empty); the input is {@code prefix + open*count + middle + close*count + suffix}.
 */
record RepeatedInput(int count, String text) {
    /** Deeper than the PromQL and JSON depth caps; with long enough fields, longer than the file caps. */
    static final int MAX_COUNT = 200_000;
    /**
     * For files of many queries: each is parsed, so that far fewer repetitions keep one run within the fuzzer's time
     * limit; long fields still take a file past its cap.
     */
    static final int MAX_QUERIES = 20_000;

    static RepeatedInput of(byte[] input, int maxCount) {
        String[] fields = new String(input, StandardCharsets.UTF_8).split("\n", 6);
        int count = 0;
        for (char c : fields[0].toCharArray()) {
            if (c >= '0' && c <= '9') {
                count = Math.min(maxCount, count * 10 + (c - '0'));
            }
        }
        String prefix = field(fields, 1);
        String open = field(fields, 2);
        String middle = field(fields, 3);
        String close = field(fields, 4);
        String suffix = field(fields, 5);
        long length = (long) count * (open.length() + close.length());
        if (length > 64L * 1024 * 1024) {
            count = (int) (64L * 1024 * 1024 / Math.max(1, open.length() + close.length()));
        }
        return new RepeatedInput(count, prefix + open.repeat(count) + middle + close.repeat(count) + suffix);
    }

    private static String field(String[] fields, int i) {
        return i < fields.length ? fields[i].replace("\\n", "\n") : "";
    }

    /** Writes the input {@code bytes} make to a file, reads it with {@code reader} and analyses what it gives. */
    static void read(byte[] bytes, int maxCount, String suffix, Function<Path, QuerySet> reader) throws IOException {
        RepeatedInput r = of(bytes, maxCount);
        Path file = Files.createTempFile("repeated-input", suffix);
        try {
            Files.writeString(file, r.text(), StandardCharsets.UTF_8);
            QuerySet set = reader.apply(file);
            for (InputProblem p : set.problems()) {
                check(p.origin().file().equals(file.toString()) && !p.message().isBlank()
                        && p.message().chars().noneMatch(c -> c == '\n'), "unclear problem " + p);
            }
            UsageAnalyzer.analyze(UsageFixtures.scrape(), set);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static void check(boolean holds, String failure) {
        if (!holds) {
            throw new AssertionError(failure);
        }
    }
}
