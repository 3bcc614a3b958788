package io.dwprom.usage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The queries read from input files, and the problems met while reading them. */
public final class QuerySet {
    private final List<Query> queries = new ArrayList<>();
    private final List<InputProblem> problems = new ArrayList<>();

    /** The queries of Prometheus rule files, Grafana dashboard exports and query files, with their problems. */
    public static QuerySet read(List<Path> ruleFiles, List<Path> dashboards, List<Path> queryFiles) {
        QuerySet queries = new QuerySet();
        RuleFileReader rules = new RuleFileReader();
        for (Path f : ruleFiles) {
            queries.addAll(rules.read(f));
        }
        DashboardReader boards = new DashboardReader();
        for (Path f : dashboards) {
            queries.addAll(boards.read(f));
        }
        QueryFileReader plain = new QueryFileReader();
        for (Path f : queryFiles) {
            queries.addAll(plain.read(f));
        }
        return queries;
    }

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
