package io.dwprom.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads a {@code .cases} file of expected promtool behaviour (the format is described in each file's header): cases of
 * an escaped input and what {@code check-metrics} must give for it.
 */
final class PromtoolCases {
    /** One case: its name, input, and expectations ({@code null} or empty where the file says nothing). */
    record Case(String file, String name, byte[] input, List<String> out, String error, boolean lintParses,
                String extendedError, boolean extendedOk, List<String> families) {
        @Override
        public String toString() {
            return file + ": " + name;
        }
    }

    private PromtoolCases() {
    }

    static List<Case> read(String resource) {
        List<String> lines = lines(resource);
        List<Case> cases = new ArrayList<>();
        Builder b = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("== ")) {
                if (b != null) {
                    cases.add(b.build());
                }
                b = new Builder(resource, line.substring(3));
            } else if (line.isEmpty() || line.startsWith("#")) {
                continue;
            } else if (b == null) {
                throw new IllegalArgumentException(resource + ":" + (i + 1) + ": a key before the first \"== NAME\"");
            } else {
                b.add(line, resource + ":" + (i + 1));
            }
        }
        if (b != null) {
            cases.add(b.build());
        }
        return cases;
    }

    /** The bytes an escaped line stands for: {@code \n}, {@code \t}, {@code \r}, {@code \\}, {@code \xHH}. */
    static byte[] unescape(String escaped) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int runStart = 0;
        for (int i = 0; i < escaped.length(); i++) {
            if (escaped.charAt(i) != '\\') {
                continue;
            }
            out.writeBytes(escaped.substring(runStart, i).getBytes(StandardCharsets.UTF_8));
            char e = escaped.charAt(++i);
            switch (e) {
                case 'n': out.write('\n'); break;
                case 't': out.write('\t'); break;
                case 'r': out.write('\r'); break;
                case '\\': out.write('\\'); break;
                case 'x':
                    out.write(Integer.parseInt(escaped.substring(i + 1, i + 3), 16));
                    i += 2;
                    break;
                default: throw new IllegalArgumentException("unknown escape \\" + e + " in: " + escaped);
            }
            runStart = i + 1;
        }
        out.writeBytes(escaped.substring(runStart).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** {@code text} escaped as an {@code in:} line is: the inverse of {@link #unescape} for text. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r");
    }

    private static List<String> lines(String resource) {
        try (InputStream in = Objects.requireNonNull(PromtoolCases.class.getResourceAsStream(resource), resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Builder {
        private final String file;
        private final String name;
        private byte[] input;
        private final List<String> out = new ArrayList<>();
        private String error;
        private boolean lintParses;
        private String extendedError;
        private boolean extendedOk;
        private final List<String> families = new ArrayList<>();

        Builder(String file, String name) {
            this.file = file.substring(file.lastIndexOf('/') + 1);
            this.name = name;
        }

        void add(String line, String where) {
            int colon = line.indexOf(": ");
            String key = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 2);
            switch (key) {
                case "in" -> input = unescape(value);
                case "out" -> out.add(value);
                case "error" -> error = value;
                case "lint" -> lintParses = require(value, "parses", where);
                case "extended-error" -> extendedError = value;
                case "extended" -> extendedOk = require(value, "ok", where);
                case "family" -> families.add(value);
                default -> throw new IllegalArgumentException(where + ": unknown key \"" + key + "\"");
            }
        }

        private static boolean require(String value, String expected, String where) {
            if (!value.equals(expected)) {
                throw new IllegalArgumentException(where + ": expected \"" + expected + "\", found \"" + value + "\"");
            }
            return true;
        }

        Case build() {
            if (input == null) {
                throw new IllegalArgumentException(file + ": case \"" + name + "\" has no \"in:\" line");
            }
            return new Case(file, name, input, List.copyOf(out), error, lintParses, extendedError, extendedOk,
                    List.copyOf(families));
        }
    }
}
