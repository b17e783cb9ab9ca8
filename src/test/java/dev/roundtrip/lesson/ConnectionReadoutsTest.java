package dev.roundtrip.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.record.Recording;
import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.BytesReadout;
import dev.roundtrip.trace.ExchangeStarted;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.RequestInfo;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import dev.roundtrip.trace.TcpReadout;
import dev.roundtrip.trace.TlsReadout;
import dev.roundtrip.trace.TlsRecordReadout;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The connection readouts from recorded events: a new TLS connection, a reused one, a cleartext one. */
class ConnectionReadoutsTest {
    private static final long MS = 1_000_000;
    private final Recording recording = new Recording(Instant.EPOCH);
    private final LessonState state = new LessonState();
    private final Readouts readouts = new Readouts(recording, state);

    @Test
    void aNewTlsConnectionHasConnectHandshakeTcpAndTlsReadouts() {
        newTlsExchange(1, 7);
        assertThat(read("connection.reused").text()).isEqualTo("new");
        assertThat(read("connection.exchangeOnIt").number()).isEqualTo(1);
        assertThat(read("stage.connect.ms").number()).isEqualTo(2.0);
        // to the client's end of the handshake, not the server's (which came first)
        assertThat(read("stage.handshake.ms").number()).isEqualTo(3.0);
        // the client's write and read; the server's read of the same bytes is not counted twice
        assertThat(read("stage.handshake.bytes").number()).isEqualTo(1300);
        assertThat(read("stage.handshake.records").number()).isEqualTo(3);
        assertThat(read("tls.protocol").text()).isEqualTo("TLSv1.3");
        assertThat(read("tls.cipherSuite").text()).isEqualTo("TLS_AES_128_GCM_SHA256");
        assertThat(read("tls.roundTrips").number()).isEqualTo(1);
        assertThat(read("tcp.rttMicros").number()).isEqualTo(50);
        assertThat(read("tcp.mss").number()).isEqualTo(32741);
        assertThat(read("tcp.congestionWindow").number()).isEqualTo(10);
        assertThat(read("send.plain.bytes").number()).isEqualTo(80);
        assertThat(read("stage.send.bytes").number()).isEqualTo(123);
        assertThat(read("send.tls.records").number()).isEqualTo(1);
        assertThat(read("send.tls.addedBytes").number()).isEqualTo(43);
        assertThat(read("send.tls.addedPerRecord").number()).isEqualTo(43);
    }

    @Test
    void aReusedConnectionHasNoConnectNorHandshakeAndSaysWhy() {
        newTlsExchange(1, 7);
        start(2, 7, 10 * MS);
        send(2, 7, 11 * MS, 80, record(118));
        assertThat(read("connection.reused").text()).isEqualTo("reused");
        assertThat(read("connection.exchangeOnIt").number()).isEqualTo(2);
        for (String name : List.of("stage.connect.ms", "stage.handshake.ms", "stage.handshake.bytes", "tls.protocol", "tls.roundTrips", "tcp.rttMicros")) {
            ReadoutValue v = read(name);
            assertThat(v.available()).as(name).isFalse();
            assertThat(v.unavailable().english()).as(name).contains("reused connection #7");
        }
        // its request is still encrypted
        assertThat(read("send.tls.addedBytes").number()).isEqualTo(43);
    }

    @Test
    void aCleartextExchangeHasNoHandshakeAndItsPlaintextIsWhatCrossedTheSocket() {
        start(3, 8, 0);
        publish(event(3, 8, Stage.CONNECT, Phase.BEGIN, Actor.CLIENT, 0).build());
        publish(event(3, 8, Stage.CONNECT, Phase.END, Actor.CLIENT, MS)
                .tcp(TcpReadout.unavailable(dev.roundtrip.trace.Unavailable.values()[0], "no TCP_INFO here")).build());
        publish(event(3, 8, Stage.SEND, Phase.BEGIN, Actor.CLIENT, 2 * MS).build());
        publish(event(3, 8, Stage.SEND, Phase.PROGRESS, Actor.CLIENT, 2 * MS).bytes(new BytesReadout(50, new byte[50])).build());
        state.sent(3);
        assertThat(read("stage.connect.ms").number()).isEqualTo(1.0);
        assertThat(read("send.plain.bytes").number()).isEqualTo(50);
        assertThat(read("stage.handshake.ms").unavailable().english()).contains("cleartext");
        assertThat(read("tls.protocol").unavailable().english()).contains("cleartext");
        assertThat(read("send.tls.addedBytes").unavailable().english()).contains("cleartext");
        assertThat(read("tcp.mss").unavailable().english()).contains("no TCP_INFO here");
    }

    @Test
    void aCappedCiphertextIsNotCountedAsRecords() {
        start(4, 9, 0);
        send(4, 9, MS, 80, new BytesReadout(123, new byte[10]));
        publish(event(4, 9, Stage.HANDSHAKE, Phase.BEGIN, Actor.CLIENT, 0).build());
        assertThat(read("send.tls.records").unavailable().english()).contains("first 10 of 123");
        assertThat(read("send.tls.addedPerRecord").available()).isFalse();
    }

    /** Lesson 15 offers the exchange's five stages as answers: connect (2 ms) and handshake (3 ms) outlast send (1 ms) here, yet send is the longest. */
    @Test
    void theLongestStageIsOneOfTheExchangesFiveNotTheConnectionsCost() {
        newTlsExchange(5, 10);
        assertThat(read("exchange.longestStage").text()).isEqualTo("send");
    }

    @Test
    void tlsVersionsAreWordsAnExpectCanName() {
        Condition c = Condition.parse("TLSv1.3", "tls.protocol", false);
        assertThat(c.word()).isEqualTo("TLSv1.3");
    }

    private ReadoutValue read(String name) {
        return readouts.read(name);
    }

    private void newTlsExchange(long id, long conn) {
        start(id, conn, 0);
        publish(event(id, conn, Stage.CONNECT, Phase.BEGIN, Actor.CLIENT, 0).build());
        publish(event(id, conn, Stage.CONNECT, Phase.END, Actor.CLIENT, 2 * MS)
                .tcp(new TcpReadout("ESTABLISHED", 50L, 25L, 10L, 32741L, 0L, 0L, null)).build());
        publish(event(id, conn, Stage.HANDSHAKE, Phase.BEGIN, Actor.CLIENT, 3 * MS).build());
        publish(event(id, conn, Stage.HANDSHAKE, Phase.PROGRESS, Actor.CLIENT, 3 * MS).bytes(new BytesReadout(300, new byte[0])).build());
        publish(event(id, conn, Stage.HANDSHAKE, Phase.PROGRESS, Actor.CLIENT, 3 * MS).tlsRecord(new TlsRecordReadout(22, 0x0301, 295, "ClientHello")).build());
        publish(event(id, conn, Stage.HANDSHAKE, Phase.PROGRESS, Actor.SERVER, 4 * MS).bytes(new BytesReadout(300, new byte[0])).build());
        publish(event(id, conn, Stage.HANDSHAKE, Phase.PROGRESS, Actor.SERVER, 4 * MS).tlsRecord(new TlsRecordReadout(22, 0x0301, 295, "ClientHello")).build());
        publish(event(id, conn, Stage.HANDSHAKE, Phase.END, Actor.SERVER, 5 * MS).tls(new TlsReadout("TLSv1.3", "TLS_AES_128_GCM_SHA256", null, null)).build());
        publish(event(id, conn, Stage.HANDSHAKE, Phase.PROGRESS, Actor.CLIENT, 5 * MS).bytes(new BytesReadout(1000, new byte[0])).build());
        publish(event(id, conn, Stage.HANDSHAKE, Phase.PROGRESS, Actor.CLIENT, 5 * MS).tlsRecord(new TlsRecordReadout(22, 0x0303, 90, "ServerHello")).build());
        publish(event(id, conn, Stage.HANDSHAKE, Phase.PROGRESS, Actor.CLIENT, 5 * MS).tlsRecord(new TlsRecordReadout(23, 0x0303, 895, "encrypted handshake messages")).build());
        publish(event(id, conn, Stage.HANDSHAKE, Phase.END, Actor.CLIENT, 6 * MS).tls(new TlsReadout("TLSv1.3", "TLS_AES_128_GCM_SHA256", null, 1)).build());
        send(id, conn, 6 * MS, 80, record(118));
    }

    /** One application_data record with a payload of {@code length} bytes, as the wire holds it. */
    private static BytesReadout record(int length) {
        byte[] b = new byte[5 + length];
        b[0] = 0x17;
        b[1] = 3;
        b[2] = 3;
        b[3] = (byte) (length >> 8);
        b[4] = (byte) length;
        return new BytesReadout(b.length, b);
    }

    private void send(long id, long conn, long t, int plain, BytesReadout wire) {
        publish(event(id, conn, Stage.SEND, Phase.BEGIN, Actor.CLIENT, t).build());
        publish(event(id, conn, Stage.SEND, Phase.PROGRESS, Actor.CLIENT, t).plain(new BytesReadout(plain, new byte[0])).build());
        publish(event(id, conn, Stage.SEND, Phase.PROGRESS, Actor.CLIENT, t).bytes(wire).build());
        publish(event(id, conn, Stage.SEND, Phase.END, Actor.CLIENT, t + MS).build());
        state.sent(id);
    }

    private void start(long id, long conn, long t) {
        recording.onEvent(new ExchangeStarted(id, conn, t, new RequestInfo("GET", "/", List.of(), new byte[0], null)));
    }

    private void publish(StageEvent e) {
        recording.onEvent(e);
    }

    private static StageEvent.Builder event(long id, long conn, Stage stage, Phase phase, Actor actor, long t) {
        return StageEvent.at(id, conn, stage, phase, actor, t);
    }
}
