package dev.roundtrip.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** The demo database's content, created in this JVM's memory; the connection that made it keeps it alive. */
final class DemoData {
    static {
        // H2 reads its listening address once, when its settings class loads: before any H2 use, loopback only
        if (System.getProperty("h2.bindAddress") == null) System.setProperty("h2.bindAddress", "127.0.0.1");
    }

    private DemoData() {}

    /** A fresh database {@code name} with the users in it, owned by the connection returned. */
    static Connection create(String name, String password) throws SQLException {
        Connection db = DriverManager.getConnection("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", password);
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE users (id BIGINT PRIMARY KEY, name VARCHAR(80) NOT NULL, email VARCHAR(120) NOT NULL)");
            s.execute("INSERT INTO users VALUES (1, 'Ada Lovelace', 'ada@example.org'), "
                    + "(2, 'Alan Turing', 'alan@example.org'), (3, 'Grace Hopper', 'grace@example.org'), "
                    + "(4, 'Tim Berners-Lee', 'tim@example.org')");
        }
        return db;
    }

    static String freshName() {
        return "roundtrip-" + UUID.randomUUID();
    }

    static void shutdown(Connection owner) {
        try (Statement s = owner.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException ignored) {
            // already gone
        }
        try {
            owner.close();
        } catch (SQLException ignored) {
            // already gone
        }
    }
}
