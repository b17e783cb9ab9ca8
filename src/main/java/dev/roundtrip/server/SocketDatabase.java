package dev.roundtrip.server;

import dev.roundtrip.trace.Phrase;
import dev.roundtrip.text.Units;
import dev.roundtrip.trace.DatabaseReadout;
import dev.roundtrip.trace.DatabaseReadout.Step;
import dev.roundtrip.trace.SqlReadout;
import dev.roundtrip.trace.TraceClock;
import dev.roundtrip.wire.Probes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The demo database as H2's TCP server on loopback (port 0), reached by JDBC through our relay and a
 * small pool. Each SQL call is a request-response of its own on a database connection: the pool's
 * connect (or reuse), the bytes each way as H2's protocol wrote them, and the statement's readout.
 *
 * <pre>
 *  worker ─ UserStore ─ ConnectionPool ─ JDBC ⇄ DatabaseRelay ⇄ H2 TCP server ⇄ mem database (owned here)
 * </pre>
 */
final class SocketDatabase implements Database {
    private final Connection owner;
    private final org.h2.tools.Server tcp;
    private final DatabaseRelay relay;
    private final ConnectionPool pool;
    private final TraceClock clock;
    private final String url;
    private final String password = UUID.randomUUID().toString();
    /** At most this many bytes are kept per event (the count is always exact), as for socket reads and writes. */
    private final int maxKept;

    SocketDatabase(Probes probes, TraceClock clock, int maxConnections) throws IOException {
        this.clock = clock;
        this.maxKept = probes.maxKeptBytes();
        String name = DemoData.freshName();
        Connection o = null;
        org.h2.tools.Server s = null;
        DatabaseRelay r = null;
        try {
            o = DemoData.create(name, password);
            // daemon threads: a server left unclosed never keeps the JVM alive
            s = org.h2.tools.Server.createTcpServer("-tcpPort", "0", "-tcpDaemon").start();
            InetSocketAddress h2 = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), s.getPort());
            r = new DatabaseRelay(probes, clock, h2);
        } catch (SQLException | IOException | RuntimeException e) {
            if (r != null) r.close();
            if (s != null) s.stop();
            if (o != null) DemoData.shutdown(o);
            throw new IOException("cannot start the demo database's TCP server: " + e.getMessage(), e);
        }
        owner = o;
        tcp = s;
        relay = r;
        url = "jdbc:h2:tcp://127.0.0.1:" + relay.address().getPort() + "/mem:" + name;
        pool = new ConnectionPool(maxConnections, this::open);
    }

    /** Where H2's TCP server listens. */
    int databasePort() {
        return tcp.getPort();
    }

    /** Stops H2's TCP server (tests: a database that is down). */
    void stopTcpServer() {
        tcp.stop();
    }

    int openConnections() {
        return pool.open();
    }

    /** One at a time: the relay hands out accepted connections in order, so each open must find its own. */
    private synchronized ConnectionPool.Pooled open(int number) throws SQLException {
        CompletableFuture<RelayedLink> relayed = relay.expect();
        Connection c;
        try {
            c = DriverManager.getConnection(url, "sa", password);
        } catch (SQLException e) {
            relay.forget(relayed);
            String why = relayed.isCompletedExceptionally() ? DatabaseRelay.describe(cause(relayed)) : e.getMessage();
            throw new DatabaseUnavailableException("the database is not reachable: " + why, e);
        }
        try {
            return new ConnectionPool.Pooled(number, c, relayed.get(5, TimeUnit.SECONDS));
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            try {
                c.close();
            } catch (SQLException ignored) {
                // it never was ours
            }
            throw new DatabaseUnavailableException("the database connection did not come through the relay: " + e, e);
        }
    }

    private static Throwable cause(CompletableFuture<?> f) {
        try {
            f.join();
            return null;
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause();
        }
    }

    @Override
    public Call call(SqlObserver observer) throws SQLException {
        long t0 = clock.now();
        ConnectionPool.Pooled p;
        try {
            p = pool.take();
        } catch (SQLException e) {
            observer.wire(new DatabaseStep(clock.now(), Phrase.of("server.dbConnectFailed", String.valueOf(e.getMessage())),
                    new DatabaseReadout(Step.FAILED, 0, 0, 0, null, false), null, null, null));
            throw e;
        }
        if (p.uses == 1) {
            List<RelayedLink.Turn> session = p.link.drain();
            long took = clock.now() - t0;
            observer.wire(new DatabaseStep(t0, Phrase.of("server.dbConnect", p.number, tcp.getPort(), Phrase.duration(took)),
                    new DatabaseReadout(Step.CONNECT, p.number, 1, requests(session), took, false), null, p.link.kernel(), p.link.tcp()));
            publish(observer, p, session, true);
        } else {
            observer.wire(new DatabaseStep(t0, Phrase.of("server.dbReused", p.number, Phrase.ordinal(p.uses)),
                    new DatabaseReadout(Step.REUSE, p.number, p.uses, 0, null, false), null, p.link.kernel(), null));
        }
        return new SocketCall(p, observer);
    }

    private final class SocketCall implements Call {
        private final ConnectionPool.Pooled p;
        private final SqlObserver observer;
        private boolean broken;

        SocketCall(ConnectionPool.Pooled p, SqlObserver observer) {
            this.p = p;
            this.observer = observer;
        }

        @Override
        public Connection connection() {
            return p.connection;
        }

        @Override
        public void executed(SqlReadout sql) {
            publish(observer, p, p.link.drain(), false);
            observer.executed(sql);
        }

        @Override
        public SQLException failed(SQLException e) {
            publish(observer, p, p.link.drain(), false);
            if (!lost(e)) return e; // the statement's own error: the connection is fine, and it is the handler's bug (500)
            broken = true;
            observer.wire(new DatabaseStep(clock.now(), Phrase.of("server.dbCallFailed", p.number, String.valueOf(e.getMessage())),
                    new DatabaseReadout(Step.FAILED, p.number, p.uses, 0, null, false), null, null, null));
            return new DatabaseUnavailableException("the database connection broke: " + e.getMessage(), e);
        }

        /** Whether the connection is gone (H2's connection broken, database closed, SQL state class 08), not only the statement. */
        private boolean lost(SQLException e) {
            String state = e.getSQLState();
            int code = e.getErrorCode();
            if ((state != null && state.startsWith("08")) || code == 90067 || code == 90098 || code == 90121) return true;
            try {
                return p.connection.isClosed();
            } catch (SQLException closed) {
                return true;
            }
        }

        @Override
        public void close() {
            pool.give(p, broken);
        }
    }

    /** The turns of one call as two events: everything to the database, then everything back. */
    private void publish(SqlObserver observer, ConnectionPool.Pooled p, List<RelayedLink.Turn> turns, boolean session) {
        int trips = requests(turns);
        Joined out = join(turns, true, maxKept);
        Joined in = join(turns, false, maxKept);
        if (out != null) {
            observer.wire(new DatabaseStep(out.first, session ? Phrase.of("server.dbSessionOut", Phrase.size(out.count), p.number)
                    : Phrase.of("server.dbOut", Phrase.size(out.count), p.number, trips),
                    new DatabaseReadout(Step.REQUEST, p.number, p.uses, trips, null, session), out.bytes(), out.kernel, null));
        }
        if (in != null) {
            long first = out == null ? in.first : out.first;
            observer.wire(new DatabaseStep(in.last, Phrase.of(session ? "server.dbSessionIn" : "server.dbIn", Phrase.size(in.count), Phrase.duration(in.last - first)),
                    new DatabaseReadout(Step.RESPONSE, p.number, p.uses, trips, in.last - first, session), in.bytes(), in.kernel, null));
        }
    }

    private static int requests(List<RelayedLink.Turn> turns) {
        return (int) turns.stream().filter(RelayedLink.Turn::toDatabase).count();
    }

    private record Joined(long count, byte[] kept, long first, long last, dev.roundtrip.trace.KernelReadout kernel) {
        dev.roundtrip.trace.BytesReadout bytes() {
            return new dev.roundtrip.trace.BytesReadout((int) Math.min(Integer.MAX_VALUE, count), kept);
        }
    }

    private static Joined join(List<RelayedLink.Turn> turns, boolean toDatabase, int maxKept) {
        long count = 0;
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        long first = -1;
        long last = -1;
        dev.roundtrip.trace.KernelReadout kernel = null;
        for (RelayedLink.Turn t : turns) {
            if (t.toDatabase() != toDatabase) continue;
            if (first < 0) first = t.firstNanos();
            last = t.lastNanos();
            count += t.count();
            kept.write(t.kept(), 0, Math.min(t.kept().length, maxKept - kept.size()));
            kernel = t.kernel();
        }
        return first < 0 ? null : new Joined(count, kept.toByteArray(), first, last, kernel);
    }

    @Override
    public void close() {
        pool.close();
        relay.close();
        tcp.stop();
        DemoData.shutdown(owner);
    }
}
