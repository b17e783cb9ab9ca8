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

/**
 * {@code serve}: the traced demo server for curl or a browser; prints each exchange's server stages as they happen,
 * and under load a summary a second of those beyond a readable pace ({@link ServePrinter}).
 */
@Command(name = "serve", mixinStandardHelpOptions = true)
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "N")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS")
    InetAddress bind;

    @Option(names = "--tls-port", paramLabel = "N", defaultValue = "-1")
    int tlsPort;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "256")
    int maxConnections;

    @Option(names = "--request-deadline", paramLabel = "SECONDS", defaultValue = "30")
    int requestDeadline;

    @Option(names = "--idle", paramLabel = "SECONDS", defaultValue = "20")
    int idle;

    @Option(names = "--database", paramLabel = "MODE")
    String database;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        dev.roundtrip.server.DatabaseMode mode;
        try {
            mode = database == null ? dev.roundtrip.server.DatabaseMode.fromProperty() : dev.roundtrip.server.DatabaseMode.of(database);
        } catch (IllegalArgumentException e) {
            err.println("serve: --database: " + e.getMessage());
            return 2;
        }
        if (port < 0 || port > 65535) {
            err.println("serve: " + CliTexts.T.get("serve.badPort", String.valueOf(port)));
            return 2;
        }
        if (tlsPort < -1 || tlsPort > 65535) {
            err.println("serve: " + CliTexts.T.get("serve.badTlsPort", String.valueOf(tlsPort)));
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
            String hint = e instanceof java.net.BindException ? CliTexts.T.get("serve.portHint") : "";
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
        /** Prints the summary of the last second under load also when the traffic has stopped. */
        private final java.util.concurrent.ScheduledExecutorService summaries;

        private Serving(TraceBus bus, RoundtripServer server, ServePrinter printer) {
            this.bus = bus;
            this.server = server;
            summaries = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread th = new Thread(r, "serve-summary");
                th.setDaemon(true);
                return th;
            });
            summaries.scheduleWithFixedDelay(() -> printer.tick(bus.clock().now()), 250, 250, java.util.concurrent.TimeUnit.MILLISECONDS);
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
            ServePrinter printer = new ServePrinter(out);
            bus.subscribe(printer);
            RoundtripServer server;
            try {
                server = RoundtripServer.startExposed(t, settings, address, port, tls, database);
                server.updates().plug(new dev.roundtrip.lab.QueueUpdates(bus.clock(), dev.roundtrip.lab.QueueUpdates.EVERY));
            } catch (java.io.IOException e) {
                bus.close();
                throw e;
            }
            String host = address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
            out.println(CliTexts.T.get("serve.started", "http://" + host + ":" + server.port() + "/"));
            if (cert != null) {
                int p = server.tlsPort().getAsInt();
                out.println("  " + CliTexts.T.get("serve.tls", "https://" + host + ":" + p + "/", cert.file().toString())
                        + (cert.news() == null ? "" : " (" + cert.news() + ")"));
                out.println("  " + CliTexts.T.get("serve.try", "curl --cacert " + cert.file() + " https://" + host + ":" + p + "/users/1"));
            }
            out.println(CliTexts.T.get("serve.routes", "GET /  GET /users  GET /users/{id}  POST /echo  GET /slow?ms=N  GET /big?kb=N  GET /fail  GET /poll?since=C[&wait=N]  GET /events  GET /ws"));
            out.println(server.databasePort().isPresent()
                    ? CliTexts.T.get("serve.database.socket", "127.0.0.1:" + server.databasePort().getAsInt())
                    : CliTexts.T.get("serve.database.embedded"));
            out.flush();
            return new Serving(bus, server, printer);
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
            summaries.shutdownNow();
            server.close();
            bus.close();
        }
    }

    /** Printed on stderr before the server starts on an address other machines can reach. */
    static String exposureWarning(InetAddress address, int port) {
        String where = address.isAnyLocalAddress() ? CliTexts.T.get("serve.everyInterface", address.getHostAddress()) : address.getHostAddress();
        return CliTexts.T.get("serve.exposed", address.getHostAddress(), where, String.valueOf(port));
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
            line = String.format(Locale.ROOT, "#%d %s (%s)", s.exchangeId(),
                    s.request().isRaw() ? CliTexts.T.get("serve.malformed") : s.request().summary(),
                    CliTexts.T.get("serve.connection", String.valueOf(s.connectionId())));
        } else if (e instanceof StageEvent se) {
            line = String.format(Locale.ROOT, "#%d %10s  %-8s %-8s %-13s %s", se.exchangeId(), Units.duration(se.tNanos()),
                    se.stage().wireName(), se.phase().wireName(), se.actor().wireName(), se.detailInUse());
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
