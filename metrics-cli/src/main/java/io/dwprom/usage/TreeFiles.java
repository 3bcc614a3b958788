package io.dwprom.usage;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dwprom.scrape.source.BoundedFiles;
import io.dwprom.scrape.source.SourceException;

import java.io.IOException;
import java.nio.file.Path;

/** Reads a JSON or YAML input file as a tree; a file that cannot be read or parsed becomes an {@link InputProblem}. */
final class TreeFiles {
    private TreeFiles() {
    }

    /**
     * The file's tree, or {@code null} after recording in {@code out} why there is none; a file over {@code limit}
     * bytes ({@code what} in the message) is not read further.
     */
    static JsonNode read(ObjectMapper mapper, Path file, String format, long limit, String what, QuerySet out) {
        String name = file.toString();
        try {
            return mapper.readTree(BoundedFiles.read(file, limit, what));
        } catch (SourceException e) {
            out.problem(new InputProblem(new QueryOrigin(name, "file"), 0, 0, afterName(e.getMessage(), name)));
        } catch (JacksonException e) {
            String place = e.getLocation() == null ? "file"
                    : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            out.problem(new InputProblem(new QueryOrigin(name, place), 0, 0, "not valid " + format + ": "
                    + oneLine(e.getOriginalMessage())));
        } catch (IOException e) {
            out.problem(new InputProblem(new QueryOrigin(name, "file"), 0, 0, "cannot read: " + e.getMessage()));
        }
        return null;
    }

    /** A message naming {@code name} without the name, which the problem's origin gives. */
    static String afterName(String message, String name) {
        return message.startsWith(name + ": ") ? message.substring(name.length() + 2) : message;
    }

    /** The YAML parser's message without its indented excerpt and context lines, on one line. */
    private static String oneLine(String message) {
        StringBuilder sb = new StringBuilder();
        for (String line : message.split("\n")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                sb.append(sb.length() == 0 ? "" : "; ").append(line.strip());
            }
        }
        return sb.toString();
    }
}
