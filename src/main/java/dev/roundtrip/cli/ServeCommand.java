package dev.roundtrip.cli;

import dev.roundtrip.text.Printable;
import dev.roundtrip.text.Units;
import dev.roundtrip.gate.Gates;
import dev.roundtrip.server.RoundtripServer;
import dev.roundtrip.server.ServerSettings;
import dev.roundtrip.trace.ConnectionDirectory;
import dev.roundtrip.trace.ExchangeEnded;
import dev.roundtrip.trace.ExchangeStarted;
import dev.roundtrip.trace.Ids;
import dev.roundtrip.trace.StageEvent;
import dev.roundtrip.trace.TraceBus;
import dev.roundtrip.trace.TraceEvent;
import dev.roundtrip.wire.Probes;
import dev.roundtrip.wire.Tracing;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code serve}: the traced demo server for curl or a browser; prints each exchange's server stages as they happen. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the traced demo server on 127.0.0.1 until Ctrl-C and prints the server stages of every exchange.",
                "Try:  curl -v http://127.0.0.1:8080/users/1",
                "With --tls-port 8443:  curl --cacert ~/.roundtrip/tls/localhost.pem https://127.0.0.1:8443/users/1 (serve prints the file's path)",
                "Only --bind ADDRESS makes it listen anywhere but loopback (with a warning): other machines can then reach it."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:stopped with Ctrl-C", "1:cannot listen (the port is in use, the address is not this machine's)", "2:bad option"})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "N", description = "port to listen on, 0 for any free one (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "listen on this address instead of 127.0.0.1, e.g. 0.0.0.0 for every interface; anything but loopback lets other machines reach this demo server, and a warning says so")
    InetAddress bind;

    @Option(names = "--tls-port", paramLabel = "N", defaultValue = "-1",
            description = "also listen with TLS 1.3 and 1.2 (https) on port N, 0 for any free one; the localhost certificate is made at first start under the Roundtrip home and its path printed (default: no TLS port)")
    int tlsPort;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "256",
            description = "at most N connections from clients at once; the next one is answered 503 with Retry-After and closed (default ${DEFAULT-VALUE})")
    int maxConnections;

    @Option(names = "--request-deadline", paramLabel = "SECONDS", defaultValue = "30",
            description = "a request must arrive whole within this many seconds of its first byte, or it is answered 408 (default ${DEFAULT-VALUE})")
    int requestDeadline;

    @Option(names = "--idle", paramLabel = "SECONDS", defaultValue = "20",
            description = "a connection silent this long is closed (a half-sent request is answered 408) (default ${DEFAULT-VALUE})")
    int idle;

    @Option(names = "--database", paramLabel = "MODE", // i18n: the description goes to Help*.properties
            description = "socket: the demo database runs as H2's TCP server on 127.0.0.1 and each SQL call crosses its own traced socket; embedded: H2 inside the server, an SQL call is a method call (default: -Droundtrip.database, else socket)")
    String database;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        dev.roundtrip.server.DatabaseMode mode;
        try {
            mode = database == null ? dev.roundtrip.server.DatabaseMode.fromProperty() : dev.roundtrip.server.DatabaseMode.of(database);
        } catch (IllegalArgumentException e) {
            err.println("serve: --database: " + e.getMessage()); // i18n
            return 2;
        }
        if (port < 0 || port > 65535) {
            err.println("serve: port must be 0..65535, was " + port);
            return 2;
        }
        if (tlsPort < -1 || tlsPort > 65535) {
            err.println("serve: --tls-port must be 0..65535, was " + tlsPort);
            return 2;
        }
        ServerSettings settings = new ServerSettings();
        try {
            settings.setMaxConnections(maxConnections);
            settings.setRequestDeadlineSeconds(requestDeadline);
            settings.setOutsideIdleSeconds(idle);
        } catch (IllegalArgumentException e) {
            err.println("serve: " + e.getMessage());
            return 2;
        }
        InetAddress address = bind == null ? InetAddress.getLoopbackAddress() : bind;
        if (!address.isLoopbackAddress()) {
            err.println(exposureWarning(address, port));
            err.flush();
        }
        Serving serving;
        try {
            serving = Serving.start(address, port, tlsPort, settings, mode, spec.commandLine().getOut());
        } catch (java.io.IOException e) {
            String hint = e instanceof java.net.BindException ? "; choose another with --port N, or --port 0 for any free one" : "";
            err.println("serve: " + e.getMessage() + hint);
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            serving.close();
            stopped.countDown();
        }, "roundtrip-serve-stop"));
        stopped.await();
        return 0;
    }

    /** The running server and the printer of its stages. */
    static final class Serving implements AutoCloseable {
        private final TraceBus bus;
        private final RoundtripServer server;

        private Serving(TraceBus bus, RoundtripServer server) {
            this.bus = bus;
            this.server = server;
        }

        static Serving start(int port, PrintWriter out) throws java.io.IOException {
            return start(InetAddress.getLoopbackAddress(), port, -1, new ServerSettings(), out);
        }

        /**
         * On {@code address}, loopback or not: the caller has warned the user about the latter.
         *
         * @param tlsPort also listen with TLS there (0: any free port), -1: not
         */
        static Serving start(InetAddress address, int port, int tlsPort, ServerSettings settings, PrintWriter out) throws java.io.IOException {
            return start(address, port, tlsPort, settings, dev.roundtrip.server.DatabaseMode.fromProperty(), out);
        }

        static Serving start(InetAddress address, int port, int tlsPort, ServerSettings settings, dev.roundtrip.server.DatabaseMode database,
                             PrintWriter out) throws java.io.IOException {
            RoundtripServer.TlsPort tls = null;
            dev.roundtrip.tls.LocalhostCertificate cert = null;
            if (tlsPort >= 0) {
                cert = dev.roundtrip.tls.LocalhostCertificate.ensure(dev.roundtrip.files.RoundtripHome.tlsDir(), java.time.Instant.now());
                tls = RoundtripServer.TlsPort.of(cert.key(), cert.certificate(), tlsPort);
            }
            TraceBus bus = new TraceBus();
            Tracing t = new Tracing(bus, new Gates(), new Ids(), new ConnectionDirectory(), new Probes());
            bus.subscribe(e -> print(e, out));
            RoundtripServer server;
            try {
                server = RoundtripServer.startExposed(t, settings, address, port, tls, database);
            } catch (java.io.IOException e) {
                bus.close();
                throw e;
            }
            String host = address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
            out.println("Roundtrip demo server on http://" + host + ":" + server.port() + "/  (Ctrl-C stops it)");
            if (cert != null) {
                int p = server.tlsPort().getAsInt();
                out.println("  and with TLS 1.3/1.2 on https://" + host + ":" + p + "/, certificate " + cert.file()
                        + (cert.news() == null ? "" : " (" + cert.news() + ")"));
                out.println("  try:  curl --cacert " + cert.file() + " https://" + host + ":" + p + "/users/1");
            }
            out.println("Routes: GET /  GET /users  GET /users/{id}  POST /echo  GET /slow?ms=N  GET /big?kb=N  GET /fail");
            out.println(server.databasePort().isPresent() // i18n (both texts)
                    ? "Database: H2's TCP server on 127.0.0.1:" + server.databasePort().getAsInt() + ", each SQL call traced on its own socket (--database embedded: inside the server)"
                    : "Database: H2 embedded in the server, no socket (--database socket: over loopback)");
            out.flush();
            return new Serving(bus, server);
        }

        int port() {
            return server.port();
        }

        java.util.OptionalInt tlsPort() {
            return server.tlsPort();
        }

        TraceBus bus() {
            return bus;
        }

        @Override
        public void close() {
            server.close();
            bus.close();
        }
    }

    /** Printed on stderr before the server starts on an address other machines can reach. */
    static String exposureWarning(InetAddress address, int port) {
        String where = address.isAnyLocalAddress() ? "every network interface (" + address.getHostAddress() + ")" : address.getHostAddress();
        return "WARNING: serve --bind " + address.getHostAddress() + ": listening on " + where + ", port " + port + ".\n"
                + "         Other machines on the network can reach this demo server. It has no authentication, echoes\n"
                + "         what it is sent and prints every request here. Use it only on a network you trust, and stop\n"
                + "         it (Ctrl-C) when the class is over. Without --bind it listens on 127.0.0.1 only.";
    }

    /**
     * One exchange's facts as console lines. What a client sent (its target, header values, the
     * codec's words about it) reaches the teacher's terminal only escaped ({@link Printable}):
     * no request can clear, recolour or rewrite the console.
     */
    static void print(TraceEvent e, PrintWriter out) {
        String line;
        if (e instanceof ExchangeStarted s) {
            if (s.request().method().isEmpty() && !s.request().isRaw()) return; // announced; described once parsed
            line = String.format(Locale.ROOT, "#%d %s (connection %d)", s.exchangeId(),
                    s.request().isRaw() ? "malformed request" : s.request().summary(), s.connectionId());
        } else if (e instanceof StageEvent se) {
            line = String.format(Locale.ROOT, "#%d %10s  %-8s %-8s %-13s %s", se.exchangeId(), Units.duration(se.tNanos()),
                    se.stage().wireName(), se.phase().wireName(), se.actor().wireName(), se.detail());
            synchronized (out) {
                out.println(Printable.escape(line));
                if (se.bytes() != null || se.kernel() != null || se.sql() != null) {
                    if (se.bytes() != null) out.println("              bytes  " + se.bytes().count() + ": " + Timeline.preview(se.bytes().data()));
                    if (se.kernel() != null) out.println(Printable.escape("              kernel " + Timeline.kernel(se.kernel())));
                    if (se.sql() != null) out.println(Printable.escape("              sql    " + Timeline.sql(se.sql())));
                }
                out.flush();
            }
            return;
        } else if (e instanceof ExchangeEnded end) {
            line = String.format(Locale.ROOT, "#%d %s: %s", end.exchangeId(), end.outcome().wireName(), end.detail());
        } else {
            return;
        }
        synchronized (out) {
            out.println(Printable.escape(line));
            out.flush();
        }
    }
}
