package io.dwprom.usage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The queries read from input files, and the problems met while reading them. */
public final class QuerySet {
    private final List<Query> queries = new ArrayList<>();
    private final List<InputProblem> problems = new ArrayList<>();

    public void add(Query query) {
        queries.add(query);
    }

    public void problem(InputProblem problem) {
        problems.add(problem);
    }

    public void addAll(QuerySet other) {
        queries.addAll(other.queries);
        problems.addAll(other.problems);
    }

    public List<Query> queries() {
        return Collections.unmodifiableList(queries);
    }

    public List<InputProblem> problems() {
        return Collections.unmodifiableList(problems);
    }
}
