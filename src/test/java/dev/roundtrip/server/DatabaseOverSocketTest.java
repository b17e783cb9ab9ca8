package dev.roundtrip.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.gate.Gates;
import dev.roundtrip.record.Recording;
import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.ConnectionDirectory;
import dev.roundtrip.trace.DatabaseReadout;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Ids;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import dev.roundtrip.trace.TraceBus;
import dev.roundtrip.wire.Probes;
import dev.roundtrip.wire.Tracing;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The demo database as H2's TCP server on loopback, reached through the pool and the relay: each SQL call traced. */
class DatabaseOverSocketTest {
    private TraceBus bus;
    private Recording recording;
    private RoundtripServer server;

    private RoundtripServer start(DatabaseMode mode) throws IOException {
        bus = new TraceBus();
        recording = new Recording(bus.clock().startedAt());
        bus.subscribe(recording);
        Tracing t = new Tracing(bus, new Gates(), new Ids(), new ConnectionDirectory(), new Probes());
        server = RoundtripServer.start(t, new ServerSettings(), InetAddress.getLoopbackAddress(), 0, null, mode);
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
        if (bus != null) bus.close();
    }

    private RawHttp.Answer get(String path) throws IOException {
        return RawHttp.send(server.port(), "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    }

    /** The process stage's events of the {@code n}-th exchange (from 0), once it has ended. */
    private List<StageEvent> process(int n) throws InterruptedException {
        bus.awaitDelivered(Duration.ofSeconds(5));
        Exchange x = recording.exchanges().get(n);
        return x.events().stream().filter(e -> e.stage() == Stage.PROCESS).toList();
    }

    /** "phase actor" and, for a database step, the step (and "session" for the H2 session's bytes). */
    private static String shape(StageEvent e) {
        String s = e.phase().wireName() + " " + e.actor().wireName();
        if (e.database() != null) s += " " + e.database().step().wireName() + (e.database().session() ? " session" : "");
        if (e.sql() != null) s += " sql";
        return s;
    }

    @Test
    void aRequestWithOneSqlCallOpensADatabaseConnectionAndTracesItsBytesEachWay() throws Exception {
        start(DatabaseMode.SOCKET);
        assertThat(get("/users/1").text()).startsWith("HTTP/1.1 200").contains("Ada Lovelace");
        List<StageEvent> events = process(0);
        assertThat(events).extracting(DatabaseOverSocketTest::shape).containsExactly(
                "begin server",
                "progress database connect",
                "progress database request session",
                "progress database response session",
                "progress database request",
                "progress database response",
                "progress database sql",
                "end server");
        StageEvent connect = events.get(1);
        assertThat(connect.database().connection()).isEqualTo(1);
        assertThat(connect.database().nanos()).isPositive();
        assertThat(connect.tcp()).isNotNull();
        assertThat(connect.detail()).contains("database connection #1", "127.0.0.1:" + server.databasePort().getAsInt());

        StageEvent request = events.get(4);
        StageEvent response = events.get(5);
        assertThat(request.bytes().count()).isPositive();
        assertThat(request.bytes().keptLength()).isEqualTo(request.bytes().count());
        assertThat(response.bytes().count()).isPositive();
        // H2 writes strings as UTF-16: the statement crossed the socket, the row came back
        assertThat(new String(request.bytes().data(), StandardCharsets.UTF_16BE)).contains(UserStore.SELECT_ONE);
        assertThat(new String(response.bytes().data(), StandardCharsets.UTF_16BE)).contains("Ada Lovelace");
        assertThat(response.database().nanos()).isPositive();
        assertThat(request.database().roundTrips()).isPositive();
        assertThat(request.kernel()).isNotNull();
        assertThat(events.get(6).sql().rows()).isEqualTo(1);
        assertThat(events.get(6).detail()).isEqualTo("SELECT id, name, email FROM users WHERE id = 1 -> 1 row");
        assertThat(events).filteredOn(e -> e.actor() == Actor.DATABASE).extracting(StageEvent::tNanos).isSorted();
    }

    @Test
    void theSecondRequestReusesThePooledConnection() throws Exception {
        start(DatabaseMode.SOCKET);
        assertThat(get("/users/1").statuses()).containsExactly(200);
        assertThat(get("/users").statuses()).containsExactly(200);
        List<StageEvent> second = process(1);
        assertThat(second).extracting(DatabaseOverSocketTest::shape).containsExactly(
                "begin server",
                "progress database reuse",
                "progress database request",
                "progress database response",
                "progress database sql",
                "end server");
        DatabaseReadout reuse = second.get(1).database();
        assertThat(reuse.connection()).isEqualTo(1);
        assertThat(reuse.use()).isEqualTo(2);
        assertThat(second.get(1).detail()).isEqualTo("database connection #1 reused (2nd call on it)");
        assertThat(second.get(2).bytes().count()).isPositive();
        assertThat(second.get(3).bytes().count()).isPositive();
        assertThat(second.get(4).sql().rows()).isEqualTo(4);
        assertThat(server.databaseConnections()).isEqualTo(1);
    }

    @Test
    void theDatabaseEventsSurviveTheRecordingFileAndDrawInMermaidPlantUmlAndHar() throws Exception {
        start(DatabaseMode.SOCKET);
        get("/users/1");
        get("/users/1");
        bus.awaitDelivered(Duration.ofSeconds(5));
        Recording back = dev.roundtrip.record.RecordingJson.read(dev.roundtrip.record.RecordingJson.toBytes(recording), "test.roundtrip.json");
        for (int i = 0; i < 2; i++) {
            assertThat(back.exchanges().get(i).events()).isEqualTo(recording.exchanges().get(i).events());
        }
        String mermaid = dev.roundtrip.record.MermaidDiagram.of(back.exchanges().get(0));
        assertThat(mermaid).contains("S->>DB: connect #35;1 (TCP and H2 session, ").containsPattern("S->>DB: SELECT id, name, email FROM users WHERE id = 1 \\(\\d+ B\\)")
                .containsPattern("DB-->>S: 1 row, \\d+ B in ");
        assertThat(dev.roundtrip.record.MermaidDiagram.of(back.exchanges().get(1))).contains("Note over S,DB: connection #35;1 reused");
        assertThat(dev.roundtrip.record.PlantUmlDiagram.of(back.exchanges().get(0))).contains("connect #1 (TCP and H2 session");
        Recording har = dev.roundtrip.record.HarImport.read(dev.roundtrip.record.HarExport.toBytes(back), "test.har");
        assertThat(har.exchanges().get(0).events()).filteredOn(e -> e.database() != null)
                .isEqualTo(back.exchanges().get(0).events().stream().filter(e -> e.database() != null).toList());
    }

    @Test
    void embeddedTheSqlCallIsAMethodCallWithoutASocket() throws Exception {
        start(DatabaseMode.EMBEDDED);
        assertThat(get("/users/2").text()).contains("Alan Turing");
        assertThat(process(0)).extracting(DatabaseOverSocketTest::shape)
                .containsExactly("begin server", "progress database sql", "end server");
        assertThat(server.database()).isEqualTo(DatabaseMode.EMBEDDED);
        assertThat(server.databasePort()).isEmpty();
    }

    @Test
    void aDatabaseThatIsDownIsAnswered503AndTheServerKeepsServing() throws Exception {
        start(DatabaseMode.SOCKET);
        assertThat(get("/users/1").statuses()).containsExactly(200);
        ((SocketDatabase) server.db()).stopTcpServer();
        // the pooled connection breaks during the call, then no new one can be opened
        for (int i = 0; i < 2; i++) {
            RawHttp.Answer down = get("/users/1");
            assertThat(down.text()).startsWith("HTTP/1.1 503 Service Unavailable").contains("database");
        }
        assertThat(get("/").text()).startsWith("HTTP/1.1 200").contains("Hello, world!");
        List<StageEvent> broken = process(1);
        assertThat(broken).filteredOn(e -> e.database() != null && e.database().step() == DatabaseReadout.Step.FAILED).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("leaves the pool"));
        List<StageEvent> refused = process(2);
        assertThat(refused).extracting(DatabaseOverSocketTest::shape)
                .containsExactly("begin server", "progress database failed", "end server");
        assertThat(refused.get(1).detail()).startsWith("connect failed: the database is not reachable");
        assertThat(refused.get(2).detail()).startsWith("503 Service Unavailable");
        assertThat(server.databaseConnections()).isZero();
    }

    @Test
    void aStatementsOwnErrorIsNotAnUnreachableDatabaseAndTheConnectionStaysInThePool() throws Exception {
        start(DatabaseMode.SOCKET);
        List<DatabaseStep> steps = new java.util.ArrayList<>();
        SqlObserver seen = new SqlObserver() {
            @Override
            public void executed(dev.roundtrip.trace.SqlReadout sql) {}

            @Override
            public void wire(DatabaseStep step) {
                steps.add(step);
            }
        };
        java.sql.SQLException thrown;
        try (Database.Call c = server.db().call(seen)) {
            try {
                c.connection().prepareStatement("SELEC nothing").close();
                throw new AssertionError("H2 took a statement that is not SQL");
            } catch (java.sql.SQLException e) {
                thrown = c.failed(e);
            }
        }
        assertThat(thrown instanceof DatabaseUnavailableException).as("a syntax error is the handler's (500), not the database's (503)").isFalse();
        assertThat(steps).extracting(st -> st.readout().step()).containsExactly(DatabaseReadout.Step.CONNECT,
                DatabaseReadout.Step.REQUEST, DatabaseReadout.Step.RESPONSE, DatabaseReadout.Step.REQUEST, DatabaseReadout.Step.RESPONSE);
        assertThat(server.databaseConnections()).isEqualTo(1);
        assertThat(get("/users/3").text()).contains("Grace Hopper");
        assertThat(process(0)).extracting(DatabaseOverSocketTest::shape).contains("progress database reuse");
    }

    @Test
    void h2ListensOnLoopbackOnly() throws Exception {
        start(DatabaseMode.SOCKET);
        Path v4 = Path.of("/proc/net/tcp");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(v4), "Linux: /proc/net/tcp");
        String port = String.format(Locale.ROOT, ":%04X", server.databasePort().getAsInt());
        List<String> local = new java.util.ArrayList<>();
        for (Path table : List.of(v4, Path.of("/proc/net/tcp6"))) {
            if (!Files.isReadable(table)) continue;
            for (String line : Files.readAllLines(table)) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 3 && f[1].endsWith(port) && f[3].equals("0A")) local.add(f[1]); // 0A: LISTEN
            }
        }
        // 127.0.0.1, on an IPv4 socket or as ::ffff:127.0.0.1 on a dual-stack one
        assertThat(local).isNotEmpty().allSatisfy(a -> assertThat(a).isIn("0100007F" + port, "0000000000000000FFFF00000100007F" + port));
    }
}
