package dev.roundtrip.server;

import dev.roundtrip.trace.SqlReadout;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The demo application's data: a few users in an H2 database private to this server, embedded
 * ({@link #UserStore()}) or over its own socket ({@link DatabaseMode#SOCKET}).
 */
public final class UserStore implements AutoCloseable {
    public record User(long id, String name, String email) {}

    static final String SELECT_ALL = "SELECT id, name, email FROM users ORDER BY id";
    static final String SELECT_ONE = "SELECT id, name, email FROM users WHERE id = ?";

    private final Database db;

    /** Embedded: H2 in this JVM, no socket. */
    public UserStore() {
        this(new EmbeddedDatabase());
    }

    UserStore(Database db) {
        this.db = db;
    }

    Database database() {
        return db;
    }

    public List<User> all(SqlObserver observer) throws SQLException {
        try (Database.Call c = db.call(observer)) {
            long t0 = System.nanoTime();
            List<User> users = new ArrayList<>();
            try (PreparedStatement ps = c.connection().prepareStatement(SELECT_ALL); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) users.add(user(rs));
            } catch (SQLException e) {
                throw c.failed(e);
            }
            c.executed(new SqlReadout(SELECT_ALL, users.size(), System.nanoTime() - t0));
            return users;
        }
    }

    public Optional<User> byId(long id, SqlObserver observer) throws SQLException {
        try (Database.Call c = db.call(observer)) {
            long t0 = System.nanoTime();
            User found = null;
            try (PreparedStatement ps = c.connection().prepareStatement(SELECT_ONE)) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) found = user(rs);
                }
            } catch (SQLException e) {
                throw c.failed(e);
            }
            c.executed(new SqlReadout(SELECT_ONE.replace("?", Long.toString(id)), found == null ? 0 : 1, System.nanoTime() - t0));
            return Optional.ofNullable(found);
        }
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getLong(1), rs.getString(2), rs.getString(3));
    }

    @Override
    public void close() {
        db.close();
    }
}
