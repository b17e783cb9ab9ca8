package dev.roundtrip.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.client.RequestSpec;
import dev.roundtrip.gate.Gates;
import dev.roundtrip.lab.Lab;
import dev.roundtrip.record.Recording;
import dev.roundtrip.trace.ConnectionDirectory;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Ids;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import dev.roundtrip.trace.TraceBus;
import dev.roundtrip.wire.Probes;
import dev.roundtrip.wire.Tracing;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server's limits (deadline, connection count) and faults (a failing handler, a restart on the same port). */
class ServerLimitsTest {
    private TraceBus bus;
    private Recording recording;
    private RoundtripServer server;

    private RoundtripServer start(ServerSettings settings, int port, Function<UserStore, Routes> routes) throws IOException {
        bus = new TraceBus();
        recording = new Recording(bus.clock().startedAt());
        bus.subscribe(recording);
        Tracing t = new Tracing(bus, new Gates(), new Ids(), new ConnectionDirectory(), new Probes());
        server = RoundtripServer.start(t, settings, port, routes);
        return server;
    }

    private RoundtripServer start(ServerSettings settings) throws IOException {
        return start(settings, 0, DemoApp::new);
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
        if (bus != null) bus.close();
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            if (condition.getAsBoolean()) return true;
            Thread.sleep(5);
        }
        return condition.getAsBoolean();
    }

    private List<StageEvent> events(Stage stage, Phase phase) throws InterruptedException {
        bus.awaitDelivered(Duration.ofSeconds(5));
        return recording.exchanges().stream().flatMap(x -> x.events().stream())
                .filter(e -> e.stage() == stage && e.phase() == phase).toList();
    }

    @Test
    void aSlowlorisThatKeepsTricklingBytesIsAnswered408WithinTheRequestDeadline() throws Exception {
        ServerSettings settings = new ServerSettings();
        settings.setRequestDeadlineSeconds(1); // the idle timer (20 s) never fires: a byte comes every 200 ms
        start(settings);
        byte[] endless = ("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: " + "z".repeat(200)).getBytes(StandardCharsets.US_ASCII);
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(RawHttp.READ_TIMEOUT_MS);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            int sent = 0;
            try {
                while (sent < endless.length && in.available() == 0) {
                    out.write(endless[sent++]);
                    out.flush();
                    Thread.sleep(200);
                }
            } catch (SocketException serverClosed) {
                // the answer came and the connection closed while we were still trickling
            }
            assertThat(sent).as("the server stopped waiting before the trickle ended").isLessThan(endless.length);
            RawHttp.Answer answer = RawHttp.readAll(in);
            assertThat(answer.text()).startsWith("HTTP/1.1 408 Request Timeout").contains("Connection: close");
            assertThat(answer.timedOut()).isFalse();
        }
        assertThat(events(Stage.PARSE, Phase.ERROR)).singleElement()
                .satisfies(e -> {
                    assertThat(e.detail()).contains("did not arrive whole within 1 s of its first byte");
                    assertThat(e.phrase().in(java.util.Locale.GERMAN)).contains("kam nicht binnen 1 s nach ihrem ersten Byte vollständig an");
                });
        assertThat(RawHttp.stillServes(server.port())).isTrue();
    }

    @Test
    void aLaterRequestOnAKeptConnectionHasItsOwnDeadlineAlsoWhenTheDeadlineWasShortenedMeanwhile() throws Exception {
        ServerSettings settings = new ServerSettings();
        start(settings); // 30 s for the first request, read whole at once
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(RawHttp.READ_TIMEOUT_MS);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] first = new byte[4096];
            assertThat(new String(first, 0, in.read(first), StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200");
            settings.setRequestDeadlineSeconds(1); // the first request's timer would run 30 s: the second must not wait for it
            out.write("GET / HTTP/1.1\r\nHost: x\r\nX-Never-Ends: ".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            RawHttp.Answer answer = RawHttp.readAll(in);
            assertThat(answer.timedOut()).as("no 408 within %d ms", RawHttp.READ_TIMEOUT_MS).isFalse();
            assertThat(answer.text()).startsWith("HTTP/1.1 408 Request Timeout");
        }
        assertThat(events(Stage.PARSE, Phase.ERROR)).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("did not arrive whole within 1 s of its first byte"));
    }

    @Test
    @SuppressWarnings("try") // the sockets are held open, never read: they fill the connection limit
    void pastTheConnectionLimitANewConnectionIsAnswered503WithRetryAfterAndClosed() throws Exception {
        ServerSettings settings = new ServerSettings();
        settings.setMaxConnections(2);
        start(settings);
        Socket first = new Socket(InetAddress.getLoopbackAddress(), server.port());
        try (Socket second = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            assertThat(eventually(() -> server.openOutsideConnections() == 2)).isTrue();
            RawHttp.Answer turnedAway = RawHttp.send(server.port(), "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(turnedAway.text()).startsWith("HTTP/1.1 503 Service Unavailable").contains("Retry-After: 5", "Connection: close")
                    .contains("already has 2 open connections");
            assertThat(turnedAway.closedByServer()).isTrue();
            assertThat(server.turnedAwayConnections()).isEqualTo(1);
            // a connection that closes makes room again
            first.close();
            assertThat(eventually(() -> server.openOutsideConnections() == 1)).isTrue();
            assertThat(RawHttp.stillServes(server.port())).isTrue();
        } finally {
            first.close();
        }
        bus.awaitDelivered(Duration.ofSeconds(5));
        assertThat(recording.exchanges()).as("a turned-away connection is not traced").hasSize(1);
    }

    @Test
    @SuppressWarnings("try") // the outside socket is held open, never read: it fills the connection limit
    void theLabsOwnClientIsNotCountedAgainstTheConnectionLimit() throws Exception {
        try (Lab lab = Lab.start()) {
            lab.serverSettings().setMaxConnections(1);
            try (Socket outside = new Socket(InetAddress.getLoopbackAddress(), lab.port())) {
                assertThat(RawHttp.send(lab.port(), "GET / HTTP/1.1\r\nHost: x\r\n\r\n").statuses()).containsExactly(503);
                Exchange x = lab.settled(lab.send(RequestSpec.get("/users/2")).exchangeId()).get(20, TimeUnit.SECONDS);
                assertThat(x.outcome()).isEqualTo(Outcome.COMPLETED);
                assertThat(x.response().orElseThrow().status()).isEqualTo(200);
            }
        }
    }

    /** Routes that fail in the ways a handler can: each answer must be a 500, and the server must go on. */
    private static Routes failing(UserStore users) {
        DemoApp demo = new DemoApp(users);
        return (method, uri, body, type, sql) -> {
            switch (uri) {
                case "/npe":
                    String nothing = null;
                    return AppResponse.text(200, nothing.trim(), dev.roundtrip.trace.Phrase.of("server.app.greeting"));
                case "/overflow":
                    return AppResponse.text(200, "depth " + recurse(0), dev.roundtrip.trace.Phrase.of("server.app.greeting"));
                case "/assert":
                    throw new AssertionError("an assertion inside the handler");
                case "/db":
                    UserStore gone = new UserStore();
                    gone.close(); // the database is down: the query itself fails
                    return new DemoApp(gone).handle("GET", "/users/1", body, type, sql);
                default:
                    return demo.handle(method, uri, body, type, sql);
            }
        };
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    @Test
    void aHandlerThatThrowsAnythingIsA500AndAProcessErrorAndTheServerGoesOn() throws Exception {
        start(new ServerSettings(), 0, ServerLimitsTest::failing);
        List<String> paths = List.of("/fail", "/npe", "/overflow", "/assert", "/db");
        for (String path : paths) {
            RawHttp.Answer a = RawHttp.send(server.port(), "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(a.statuses()).as(path).containsExactly(500);
            assertThat(RawHttp.stillServes(server.port())).as("after " + path).isTrue();
        }
        assertThat(events(Stage.PROCESS, Phase.ERROR)).extracting(StageEvent::detail).satisfiesExactly(
                d -> assertThat(d).contains("DeliberateFailure").endsWith("-> 500"),
                d -> assertThat(d).contains("NullPointerException"),
                d -> assertThat(d).contains("StackOverflowError"),
                d -> assertThat(d).contains("AssertionError: an assertion inside the handler"),
                d -> assertThat(d).contains(SQLException.class.getSimpleName().substring(0, 3)).doesNotContain("null -> 500"));
        assertThat(recording.exchanges()).filteredOn(x -> x.response().map(r -> r.status() == 500).orElse(false)).hasSize(paths.size());
    }

    @Test
    void aHeadAnswerIsRecordedWithoutTheBodyThatWasNotSent() throws Exception {
        start(new ServerSettings());
        RawHttp.Answer a = RawHttp.send(server.port(), "HEAD / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(a.text()).startsWith("HTTP/1.1 200 OK").contains("Content-Length: 13").endsWith("\r\n\r\n");
        bus.awaitDelivered(Duration.ofSeconds(5));
        assertThat(eventually(() -> recording.exchanges().size() == 1 && recording.exchanges().get(0).response().isPresent())).isTrue();
        Exchange x = recording.exchanges().get(0);
        assertThat(x.response().orElseThrow().body()).isEmpty();
        assertThat(x.response().get().headers()).anyMatch(h -> h.name().equalsIgnoreCase("Content-Length") && h.value().equals("13"));
        long written = x.events().stream().filter(e -> e.stage() == Stage.RESPOND && e.bytes() != null).mapToLong(e -> e.bytes().count()).sum();
        assertThat(written).isEqualTo(a.bytes().length);
    }

    @Test
    void aRestartedServerBindsTheSamePortAtOnceAfterItsConnectionsWereResetOrClosed() throws Exception {
        start(new ServerSettings());
        int port = server.port();
        // established connections, each with an answered request: half reset by the client, half left for the server to close
        Socket[] clients = new Socket[6];
        for (int i = 0; i < clients.length; i++) {
            clients[i] = new Socket(InetAddress.getLoopbackAddress(), port);
            clients[i].setSoTimeout(RawHttp.READ_TIMEOUT_MS);
            clients[i].getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] head = new byte[12];
            assertThat(clients[i].getInputStream().readNBytes(head, 0, head.length)).isEqualTo(head.length);
            assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
        }
        for (int i = 0; i < clients.length; i += 2) {
            clients[i].setSoLinger(true, 0); // RST
            clients[i].close();
        }
        server.close(); // the server closes the rest first: their server ends wait in TIME_WAIT on this port
        for (Socket c : clients) c.close();
        bus.close();
        start(new ServerSettings(), port, DemoApp::new);
        assertThat(server.port()).isEqualTo(port);
        assertThat(RawHttp.stillServes(port)).isTrue();
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderOneAtATime() throws Exception {
        start(new ServerSettings());
        String three = "GET /users/1 HTTP/1.1\r\nHost: x\r\n\r\n" + "GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n" + "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
        RawHttp.Answer a = RawHttp.send(server.port(), three);
        assertThat(a.statuses()).containsExactly(200, 404, 200);
        assertThat(a.text().indexOf("Ada Lovelace")).isLessThan(a.text().indexOf("no route")).isLessThan(a.text().indexOf("Hello, world!"));
        bus.awaitDelivered(Duration.ofSeconds(5));
        assertThat(eventually(() -> recording.exchanges().size() == 3 && recording.exchanges().stream().allMatch(x -> x.end().isPresent()))).isTrue();
        assertThat(recording.orphans()).isZero();
    }

    @Test
    void nothingAfterARequestThatClosesTheConnectionIsProcessed() throws Exception {
        start(new ServerSettings());
        for (String first : List.of("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "PRI * HTTP/2.0\r\n\r\n")) {
            RawHttp.Answer a = RawHttp.send(server.port(), first + "GET /users/1 HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(a.statuses()).hasSize(1);
            assertThat(a.text()).doesNotContain("Ada Lovelace");
        }
        bus.awaitDelivered(Duration.ofSeconds(5));
        assertThat(recording.exchanges()).hasSize(2).allSatisfy(x -> assertThat(x.response()).isPresent());
    }
}
