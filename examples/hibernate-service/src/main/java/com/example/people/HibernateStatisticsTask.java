package com.example.people;

import io.dropwizard.servlets.tasks.Task;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** POST /tasks/hibernate-statistics on the admin port: Hibernate's own counts, one {@code name value} a line. */
public class HibernateStatisticsTask extends Task {
    private final SessionFactory sessionFactory;

    public HibernateStatisticsTask(SessionFactory sessionFactory) {
        super("hibernate-statistics");
        this.sessionFactory = sessionFactory;
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) {
        Statistics statistics = sessionFactory.getStatistics();
        output.println("prepared_statements " + statistics.getPrepareStatementCount());
        output.println("entity_inserts " + statistics.getEntityInsertCount());
        output.println("entity_updates " + statistics.getEntityUpdateCount());
        output.println("entity_deletes " + statistics.getEntityDeleteCount());
        output.println("entity_loads " + statistics.getEntityLoadCount());
        output.println("queries " + statistics.getQueryExecutionCount());
    }
}
