package io.dwprom.usage;

import io.dwprom.promql.Expr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads plain PromQL: one query per line; blank lines and lines starting with {@code #} are skipped. A parse
 * error names the file's line and the column in it.
 */
public final class QueryFileReader {
    public QuerySet read(Path file) {
        QuerySet out = new QuerySet();
        String name = file.toString();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            out.problem(new InputProblem(new QueryOrigin(name, "file"), 0, 0, "cannot read: " + e.getMessage()));
            return out;
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            QueryOrigin origin = new QueryOrigin(name, "line " + (i + 1));
            Expr parsed = QueryTexts.parse(line, origin, out);
            if (parsed != null) {
                out.add(Query.shown(origin, parsed));
            }
        }
        return out;
    }
}
