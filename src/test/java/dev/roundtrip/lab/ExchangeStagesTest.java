package dev.roundtrip.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.client.ExchangeHandle;
import dev.roundtrip.client.RequestSpec;
import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExchangeStagesTest {
    private static Lab lab;

    @BeforeAll
    static void start() throws Exception {
        lab = Lab.start();
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    private static Exchange run(RequestSpec spec) throws Exception {
        return Facts.settle(lab, lab.send(spec).exchangeId());
    }

    /** The stages of an exchange that opens a cleartext connection: connect, no handshake. */
    static final Stage[] NEW_PLAIN_CONNECTION = {Stage.CONNECT, Stage.SEND, Stage.PARSE, Stage.PROCESS, Stage.RESPOND, Stage.INTERPRET};
    static final Stage[] EXCHANGE = {Stage.SEND, Stage.PARSE, Stage.PROCESS, Stage.RESPOND, Stage.INTERPRET};

    @Test
    void everyStageBeginsAndEndsInTheDocumentedOrder() throws Exception {
        try (Lab fresh = Lab.start()) { // a connection of its own: the first exchange opens it
            Exchange x = Facts.settle(fresh, fresh.send(RequestSpec.get("/users/1")).exchangeId());
            stagesInOrder(x);
        }
    }

    private static void stagesInOrder(Exchange x) {
        List<Stage> begins = x.events().stream().filter(e -> e.phase() == Phase.BEGIN).map(StageEvent::stage).toList();
        assertThat(begins).containsExactly(NEW_PLAIN_CONNECTION);
        // connect: the client's connect() brackets the server's accept; the client stamps its BEGIN before the call
        List<StageEvent> connect = Facts.of(x, Stage.CONNECT);
        assertThat(connect).extracting(StageEvent::phase).contains(Phase.BEGIN, Phase.END);
        assertThat(connect).filteredOn(e -> e.actor() == Actor.SERVER).hasSize(2).allMatch(e -> e.phase() == Phase.PROGRESS);
        assertThat(Facts.of(x, Stage.CONNECT, Phase.END).get(0).tcp()).isNotNull();
        for (Stage s : EXCHANGE) {
            List<StageEvent> own = Facts.of(x, s);
            assertThat(own.get(0).phase()).as(s + " first").isEqualTo(Phase.BEGIN);
            assertThat(own.get(own.size() - 1).phase()).as(s + " last").isEqualTo(Phase.END);
            assertThat(own).extracting(StageEvent::tNanos).as(s + " times").isSorted();
            assertThat(own).allMatch(e -> e.exchangeId() == x.id() && e.connectionId() == x.connectionId());
        }
        // each stage begins only once the one before it has begun, by the clock too
        for (int i = 1; i < NEW_PLAIN_CONNECTION.length; i++) {
            long prev = Facts.of(x, NEW_PLAIN_CONNECTION[i - 1], Phase.BEGIN).get(0).tNanos();
            assertThat(Facts.of(x, NEW_PLAIN_CONNECTION[i], Phase.BEGIN).get(0).tNanos()).isGreaterThanOrEqualTo(prev);
        }
        assertThat(x.response().orElseThrow().status()).isEqualTo(200);
        assertThat(new String(x.response().get().body(), StandardCharsets.UTF_8)).contains("Ada Lovelace");
    }

    private static List<StageEvent> sqlOf(Exchange x) {
        return Facts.of(x, Stage.PROCESS, Phase.PROGRESS).stream().filter(e -> e.sql() != null).toList();
    }

    @Test
    void readoutsAreAttachedWhereTheyBelong() throws Exception {
        Exchange x = run(RequestSpec.get("/users/1"));
        for (StageEvent e : x.events()) {
            if (e.phase() == Phase.PROGRESS && e.actor() != Actor.DATABASE) {
                assertThat(e.bytes()).as(e.toString()).isNotNull();
                assertThat(e.buffer()).isNotNull();
                assertThat(e.buffer().writerIndex()).isGreaterThanOrEqualTo(e.buffer().readerIndex());
                assertThat(e.buffer().capacity()).isGreaterThanOrEqualTo(e.buffer().writerIndex());
                assertThat(e.kernel()).isNotNull();
                assertThat(e.kernel().queuesAvailable() || e.kernel().unavailable() != null).isTrue();
            }
            // one memory readout per stage, at its end: what a begin or a socket read would say, the end states for the whole stage
            if (e.phase() == Phase.END && e.stage().ordinal() >= Stage.SEND.ordinal()) assertThat(e.memory()).as(e.toString()).isNotNull();
            if ((e.phase() == Phase.BEGIN || e.phase() == Phase.PROGRESS) && e.actor() != Actor.DATABASE) {
                assertThat(e.memory()).as(e.toString()).isNull();
            }
            assertThat(e.thread()).isNotBlank();
        }
        // over the database socket the SQL call has its connect (or reuse) and bytes each way before it: the sql readout is one
        List<StageEvent> sql = sqlOf(x);
        assertThat(sql).hasSize(1);
        assertThat(sql.get(0).actor()).isEqualTo(Actor.DATABASE);
        assertThat(sql.get(0).sql().statement()).startsWith("SELECT").contains("WHERE id = 1");
        assertThat(sql.get(0).sql().rows()).isEqualTo(1);
        assertThat(sql.get(0).sql().nanos()).isPositive();
        assertThat(sql.get(0).memory().heapUsed()).isPositive();
    }

    @Test
    void eachSidesStagesEndWithTheConnectionsTcpState() throws Exception {
        Exchange x;
        try (Lab fresh = Lab.start()) { // its own TCP_INFO budget: the shared lab's other tests may have spent it (then: sampled)
            x = Facts.settle(fresh, fresh.send(RequestSpec.get("/users/1")).exchangeId());
        }
        for (Stage stage : List.of(Stage.SEND, Stage.PARSE, Stage.RESPOND, Stage.INTERPRET)) {
            List<StageEvent> end = Facts.of(x, stage, Phase.END);
            assertThat(end).as(stage.wireName()).hasSize(1);
            dev.roundtrip.trace.TcpReadout tcp = end.get(0).tcp();
            assertThat(tcp).as(stage.wireName()).isNotNull();
            if (lab.probes().transport() == dev.roundtrip.wire.Transport.EPOLL) {
                assertThat(tcp.available()).as(tcp.unavailable()).isTrue();
                assertThat(tcp.state()).isEqualTo("ESTABLISHED");
                assertThat(tcp.mss()).isPositive();
                assertThat(tcp.congestionWindow()).isPositive();
                assertThat(tcp.rttMicros()).isNotNull();
            } else {
                assertThat(dev.roundtrip.trace.Unavailable.of(tcp.unavailable())).contains(dev.roundtrip.trace.Unavailable.PLATFORM);
            }
        }
        // process has no socket work of its own
        assertThat(Facts.of(x, Stage.PROCESS, Phase.END)).allMatch(e -> e.tcp() == null);
    }

    @Test
    void theUserListIsOneStatementWithAllRows() throws Exception {
        Exchange x = run(RequestSpec.get("/users"));
        assertThat(sqlOf(x)).singleElement().satisfies(e -> assertThat(e.sql().rows()).isEqualTo(4));
        assertThat(new String(x.response().orElseThrow().body(), StandardCharsets.UTF_8)).contains("Grace Hopper", "Alan Turing");
    }

    @Test
    void errorsAreOrdinaryExchanges() throws Exception {
        Exchange notFound = run(RequestSpec.get("/nowhere"));
        assertThat(notFound.response().orElseThrow().status()).isEqualTo(404);
        assertThat(Facts.has(notFound, Stage.PROCESS, Phase.END)).isTrue();

        Exchange noUser = run(RequestSpec.get("/users/99"));
        assertThat(noUser.response().orElseThrow().status()).isEqualTo(404);
        assertThat(sqlOf(noUser)).singleElement().satisfies(e -> assertThat(e.sql().rows()).isZero());

        Exchange badId = run(RequestSpec.get("/users/abc"));
        assertThat(badId.response().orElseThrow().status()).isEqualTo(400);

        Exchange fail = run(RequestSpec.get("/fail"));
        assertThat(fail.response().orElseThrow().status()).isEqualTo(500);
        assertThat(Facts.of(fail, Stage.PROCESS, Phase.ERROR)).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("DeliberateFailure"));
        assertThat(Facts.has(fail, Stage.RESPOND, Phase.END)).isTrue();
        assertThat(Facts.has(fail, Stage.INTERPRET, Phase.END)).isTrue();

        Exchange wrongMethod = run(RequestSpec.post("/users", new byte[0]));
        assertThat(wrongMethod.response().orElseThrow().status()).isEqualTo(405);
    }

    @Test
    void echoSlowAndBigRoutesAnswer() throws Exception {
        Exchange echo = run(RequestSpec.post("/echo", "ping".getBytes(StandardCharsets.UTF_8)));
        assertThat(echo.response().orElseThrow().body()).asString(StandardCharsets.UTF_8).isEqualTo("ping");
        Exchange slow = run(RequestSpec.get("/slow?ms=120"));
        long process = Facts.of(slow, Stage.PROCESS, Phase.END).get(0).tNanos() - Facts.of(slow, Stage.PROCESS, Phase.BEGIN).get(0).tNanos();
        assertThat(process).isGreaterThanOrEqualTo(120_000_000L);
        assertThat(run(RequestSpec.get("/slow?ms=x")).response().orElseThrow().status()).isEqualTo(400);
        Exchange big = run(RequestSpec.get("/big?kb=3"));
        assertThat(big.response().orElseThrow().body()).hasSize(3 * 1024);
    }

    @Test
    void keepAliveReusesOneConnection() throws Exception {
        try (Lab own = Lab.start()) {
            List<Long> connections = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Exchange x = Facts.settle(own, own.send(RequestSpec.get("/users/" + (i + 1))).exchangeId());
                assertThat(x.response().orElseThrow().status()).isEqualTo(200);
                connections.add(x.connectionId());
                assertThat(x.events()).allMatch(e -> e.connectionId() == x.connectionId());
            }
            assertThat(connections).containsOnly(connections.get(0));
            assertThat(own.serverConnections()).isEqualTo(1);

            Exchange closing = Facts.settle(own, own.send(RequestSpec.get("/").withKeepAlive(false)).exchangeId());
            Exchange after = Facts.settle(own, own.send(RequestSpec.get("/")).exchangeId());
            assertThat(closing.connectionId()).isEqualTo(connections.get(0));
            assertThat(closing.response().orElseThrow().headers()).anyMatch(h -> h.name().equalsIgnoreCase("Connection") && h.value().equals("close"));
            assertThat(after.connectionId()).isNotEqualTo(closing.connectionId());
            assertThat(own.serverConnections()).isEqualTo(2);
        }
    }

    @Test
    void twentyConcurrentExchangesAreKeptApart() throws Exception {
        List<ExchangeHandle> handles = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String body = "exchange-" + i + "-" + "x".repeat(i * 37);
            bodies.add(body);
            handles.add(lab.send(RequestSpec.post("/echo", body.getBytes(StandardCharsets.UTF_8))));
        }
        for (int i = 0; i < 20; i++) {
            Exchange x = Facts.settle(lab, handles.get(i).exchangeId());
            String body = bodies.get(i);
            assertThat(x.response().orElseThrow().body()).asString(StandardCharsets.UTF_8).isEqualTo(body);
            assertThat(x.events()).allMatch(e -> e.exchangeId() == x.id() && e.connectionId() == x.connectionId());
            for (Stage s : new Stage[] {Stage.SEND, Stage.PARSE}) {
                assertThat(new String(Facts.wire(x, s), StandardCharsets.ISO_8859_1)).as("%s of %d", s, i).endsWith("\r\n\r\n" + body);
            }
            for (Stage s : new Stage[] {Stage.RESPOND, Stage.INTERPRET}) {
                assertThat(new String(Facts.wire(x, s), StandardCharsets.ISO_8859_1)).as("%s of %d", s, i).endsWith("\r\n\r\n" + body);
            }
            // a new connection's exchange begins with connect, one on a connection reused from earlier tests does not
            assertThat(x.events().stream().filter(e -> e.phase() == Phase.BEGIN && !e.stage().opensConnection()).map(StageEvent::stage))
                    .containsExactly(EXCHANGE);
        }
    }
}
