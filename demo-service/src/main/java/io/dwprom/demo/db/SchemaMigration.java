package io.dwprom.demo.db;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.migrations.CloseableLiquibase;
import io.dropwizard.migrations.CloseableLiquibaseWithClassPathMigrationsFile;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Scope;
import liquibase.ui.LoggerUIService;

import java.util.Map;

/**
 * Brings the schema up to date with the Liquibase changelog, the same one {@code db migrate} applies. Runs on a
 * pool of its own, closed afterwards, measured into a throwaway registry so the application's metrics only
 * show the application's pool.
 */
public final class SchemaMigration {

    /** The changelog on the class path. */
    public static final String CHANGELOG = "migrations.xml";

    private SchemaMigration() {
    }

    public static void migrate(DataSourceFactory database) throws Exception {
        ManagedDataSource dataSource = database.build(new MetricRegistry(), "migrations");
        try (CloseableLiquibase liquibase = new CloseableLiquibaseWithClassPathMigrationsFile(dataSource, CHANGELOG)) {
            // Liquibase 4.30+ would otherwise try to send usage analytics from every start, and print its
            // summary to stdout rather than to the log.
            Scope.child(Map.of("liquibase.analytics.enabled", false, Scope.Attr.ui.name(), new LoggerUIService(),
                            "liquibase.command.showSummaryOutput", "LOG"),
                    () -> liquibase.update(new Contexts(), new LabelExpression()));
        }
    }
}
