package dev.roundtrip.server;

import dev.roundtrip.trace.SqlReadout;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The demo application's data: a few users in an in-memory H2 database, private to this server. */
public final class UserStore implements AutoCloseable {
    public record User(long id, String name, String email) {}

    static final String SELECT_ALL = "SELECT id, name, email FROM users ORDER BY id";
    static final String SELECT_ONE = "SELECT id, name, email FROM users WHERE id = ?";

    private final Connection db;

    public UserStore() {
        try {
            db = DriverManager.getConnection("jdbc:h2:mem:roundtrip-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            try (Statement s = db.createStatement()) {
                s.execute("CREATE TABLE users (id BIGINT PRIMARY KEY, name VARCHAR(80) NOT NULL, email VARCHAR(120) NOT NULL)");
                s.execute("INSERT INTO users VALUES (1, 'Ada Lovelace', 'ada@example.org'), "
                        + "(2, 'Alan Turing', 'alan@example.org'), (3, 'Grace Hopper', 'grace@example.org'), "
                        + "(4, 'Tim Berners-Lee', 'tim@example.org')");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the demo database: " + e.getMessage(), e);
        }
    }

    public synchronized List<User> all(SqlObserver observer) throws SQLException {
        long t0 = System.nanoTime();
        List<User> users = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(SELECT_ALL); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) users.add(user(rs));
        }
        observer.executed(new SqlReadout(SELECT_ALL, users.size(), System.nanoTime() - t0));
        return users;
    }

    public synchronized Optional<User> byId(long id, SqlObserver observer) throws SQLException {
        long t0 = System.nanoTime();
        User found = null;
        try (PreparedStatement ps = db.prepareStatement(SELECT_ONE)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) found = user(rs);
            }
        }
        observer.executed(new SqlReadout(SELECT_ONE.replace("?", Long.toString(id)), found == null ? 0 : 1,
                System.nanoTime() - t0));
        return Optional.ofNullable(found);
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getLong(1), rs.getString(2), rs.getString(3));
    }

    @Override
    public synchronized void close() {
        try (Statement s = db.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException ignored) {
            // already gone
        }
        try {
            db.close();
        } catch (SQLException ignored) {
            // already gone
        }
    }
}
