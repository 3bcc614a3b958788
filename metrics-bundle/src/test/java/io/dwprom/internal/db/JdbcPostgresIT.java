package io.dwprom.internal.db;

import io.dropwizard.db.DataSourceFactory;
import org.junit.jupiter.api.condition.EnabledIf;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * {@link JdbcScenarios} on the PostgreSQL server at 127.0.0.1:5432 (database {@code test}, user {@code postgres}).
 * Skips where no PostgreSQL listens; CI starts one.
 */
@EnabledIf(value = "postgresListens", disabledReason = "no PostgreSQL at 127.0.0.1:5432; CI starts one")
class JdbcPostgresIT extends JdbcScenarios {

    @Override
    DataSourceFactory database() {
        DataSourceFactory database = new DataSourceFactory();
        database.setDriverClass("org.postgresql.Driver");
        database.setUrl("jdbc:postgresql://127.0.0.1:5432/test");
        database.setUser("postgres");
        database.setPassword("");
        return database;
    }

    static boolean postgresListens() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
