package dev.roundtrip.server;

import dev.roundtrip.trace.SqlReadout;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/** H2 inside this JVM: one connection, one call at a time; an SQL call is a method call, with no socket. */
final class EmbeddedDatabase implements Database {
    private final Connection db;
    private final ReentrantLock lock = new ReentrantLock();

    EmbeddedDatabase() {
        try {
            db = DemoData.create(DemoData.freshName(), "");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the demo database: " + e.getMessage(), e);
        }
    }

    @Override
    public Call call(SqlObserver observer) {
        lock.lock();
        return new Call() {
            @Override
            public Connection connection() {
                return db;
            }

            @Override
            public void executed(SqlReadout sql) {
                observer.executed(sql);
            }

            @Override
            public SQLException failed(SQLException e) {
                return e;
            }

            @Override
            public void close() {
                lock.unlock();
            }
        };
    }

    @Override
    public void close() {
        lock.lock();
        try {
            DemoData.shutdown(db);
        } finally {
            lock.unlock();
        }
    }
}
