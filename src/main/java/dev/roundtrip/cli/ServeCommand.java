package dev.roundtrip.cli;

import dev.roundtrip.gate.Gates;
import dev.roundtrip.probe.KernelProbe;
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
                "Try:  curl -v http://127.0.0.1:8080/users/1"})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "N", description = "port to listen on, 0 for any free one (default ${DEFAULT-VALUE})")
    int port;

    @Override
    public Integer call() throws Exception {
        Serving serving = Serving.start(port, spec.commandLine().getOut());
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
            TraceBus bus = new TraceBus();
            Tracing t = new Tracing(bus, new Gates(), new Ids(), new ConnectionDirectory(), new Probes());
            bus.subscribe(e -> print(e, out));
            RoundtripServer server;
            try {
                server = RoundtripServer.start(t, new ServerSettings(), InetAddress.getLoopbackAddress(), port);
            } catch (java.io.IOException e) {
                bus.close();
                throw e;
            }
            out.println("Roundtrip demo server on http://127.0.0.1:" + server.port() + "/  (Ctrl-C stops it)");
            out.println("Routes: GET /  GET /users  GET /users/{id}  POST /echo  GET /slow?ms=N  GET /big?kb=N  GET /fail");
            out.flush();
            return new Serving(bus, server);
        }

        int port() {
            return server.port();
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

    private static void print(TraceEvent e, PrintWriter out) {
        String line;
        if (e instanceof ExchangeStarted s) {
            if (s.request().method().isEmpty() && !s.request().isRaw()) return; // announced; described once parsed
            line = String.format(Locale.ROOT, "#%d %s (connection %d)", s.exchangeId(),
                    s.request().isRaw() ? "malformed request" : s.request().summary(), s.connectionId());
        } else if (e instanceof StageEvent se) {
            line = String.format(Locale.ROOT, "#%d %10s  %-8s %-8s %-13s %s", se.exchangeId(), Timeline.ms(se.tNanos()),
                    se.stage().wireName(), se.phase().wireName(), se.actor().wireName(), se.detail());
            synchronized (out) {
                out.println(line);
                if (se.bytes() != null || se.kernel() != null || se.sql() != null) {
                    if (se.bytes() != null) out.println("              bytes  " + se.bytes().count() + ": " + Timeline.preview(se.bytes().data()));
                    if (se.kernel() != null) out.println("              kernel " + Timeline.kernel(se.kernel()));
                    if (se.sql() != null) out.println("              sql    " + Timeline.sql(se.sql()));
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
            out.println(line);
            out.flush();
        }
    }
}
