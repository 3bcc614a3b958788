package io.dwprom.usage;

import io.dwprom.scrape.source.BoundedFiles;
import io.dwprom.scrape.source.SourceException;
import io.dwprom.promql.Expr;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads plain PromQL: one query per line; blank lines and lines starting with {@code #} are skipped. A parse
 * error names the file's line and the column in it.
 */
public final class QueryFileReader {
    /** The largest query file read. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    public QuerySet read(Path file) {
        QuerySet out = new QuerySet();
        String name = file.toString();
        List<String> lines;
        try {
            lines = new String(BoundedFiles.read(file, MAX_BYTES, "a query file"), StandardCharsets.UTF_8).lines().toList();
        } catch (SourceException e) {
            out.problem(new InputProblem(new QueryOrigin(name, "file"), 0, 0, TreeFiles.afterName(e.getMessage(), name)));
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
