package io.dwprom.db;

import io.dropwizard.db.DataSourceFactory;

import java.util.UUID;

/** {@link JdbcScenarios} on an embedded in-memory H2 database. */
class JdbcH2Test extends JdbcScenarios {

    private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Override
    DataSourceFactory database() {
        DataSourceFactory database = new DataSourceFactory();
        database.setDriverClass("org.h2.Driver");
        database.setUrl(url);
        database.setUser("sa");
        database.setPassword("");
        return database;
    }
}
