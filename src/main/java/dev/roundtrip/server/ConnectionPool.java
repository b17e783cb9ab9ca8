package dev.roundtrip.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small pool of database connections: an idle one is lent again (most recently returned first, so one
 * request after another reuses connection #1), a new one is opened only when none is idle, at most
 * {@code max} are open. A connection that broke during a call is closed, not returned.
 */
final class ConnectionPool implements AutoCloseable {
    /** A pooled connection: its number (from 1, never reused), the relay's view of it, its calls so far. */
    static final class Pooled {
        final int number;
        final Connection connection;
        final RelayedLink link;
        int uses;

        Pooled(int number, Connection connection, RelayedLink link) {
            this.number = number;
            this.connection = connection;
            this.link = link;
        }
    }

    /** Opens a new connection with the number it is to have. */
    interface Opener {
        Pooled open(int number) throws SQLException;
    }

    static final long WAIT_SECONDS = 10;

    private final int max;
    private final Opener opener;
    private final ArrayDeque<Pooled> idle = new ArrayDeque<>();
    private final List<Pooled> all = new ArrayList<>();
    private int open;
    private int numbered;
    private boolean closed;

    ConnectionPool(int max, Opener opener) {
        this.max = max;
        this.opener = opener;
    }

    /** An idle connection ({@code uses} > 1 after this), or a new one ({@code uses} == 1). */
    Pooled take() throws SQLException {
        int number;
        synchronized (this) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (!closed && idle.isEmpty() && open >= max) {
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new DatabaseUnavailableException("all " + max + " database connections stayed busy for " + WAIT_SECONDS + " s", null);
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DatabaseUnavailableException("interrupted while waiting for a database connection", e);
                }
            }
            if (closed) throw new DatabaseUnavailableException("the database is shut down", null);
            Pooled p = idle.pollFirst();
            if (p != null) {
                p.uses++;
                return p;
            }
            open++;
            number = ++numbered;
        }
        try {
            Pooled p = opener.open(number);
            p.uses = 1;
            synchronized (this) {
                all.add(p);
            }
            return p;
        } catch (SQLException | RuntimeException e) {
            synchronized (this) {
                open--;
                notifyAll();
            }
            throw e;
        }
    }

    /** Back to the pool, or, when {@code broken}, closed. */
    void give(Pooled p, boolean broken) {
        synchronized (this) {
            if (!broken && !closed) {
                idle.addFirst(p);
                notifyAll();
                return;
            }
            all.remove(p);
            open--;
            notifyAll();
        }
        quietlyClose(p.connection);
    }

    /** Connections open now, lent or idle. */
    synchronized int open() {
        return open;
    }

    private static void quietlyClose(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // broken already
        }
    }

    @Override
    public void close() {
        List<Pooled> left;
        synchronized (this) {
            closed = true;
            left = new ArrayList<>(all);
            all.clear();
            idle.clear();
            notifyAll();
        }
        for (Pooled p : left) quietlyClose(p.connection);
    }
}
