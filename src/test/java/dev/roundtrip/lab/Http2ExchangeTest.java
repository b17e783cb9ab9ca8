package dev.roundtrip.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.client.ExchangeHandle;
import dev.roundtrip.client.RequestSpec;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.FrameReadout;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lab's client and server over HTTP/2: several streams at once on one connection, each an exchange of five stages. */
class Http2ExchangeTest {
    private Lab lab;

    @BeforeEach
    void start() throws Exception {
        lab = Lab.start(LabOptions.defaults());
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    private Exchange settled(ExchangeHandle h) throws Exception {
        return lab.settled(h.exchangeId()).get(20, TimeUnit.SECONDS);
    }

    private static List<FrameReadout> frames(Exchange x, Stage stage) {
        return x.events().stream().filter(e -> e.stage() == stage && e.frame() != null).map(StageEvent::frame).toList();
    }

    private static List<Stage> begins(Exchange x) {
        return x.events().stream().filter(e -> e.phase() == Phase.BEGIN).map(StageEvent::stage).toList();
    }

    private static FrameReadout first(Exchange x, Stage stage, String type) {
        return frames(x, stage).stream().filter(f -> f.type().equals(type) && !f.connectionLevel()).findFirst().orElseThrow();
    }

    @Test
    void threeConcurrentStreamsOnOneConnectionAreThreeExchangesReadFieldByField() throws Exception {
        ExchangeHandle a = lab.sendHttp2(RequestSpec.get("/users/1"));
        ExchangeHandle b = lab.sendHttp2(RequestSpec.get("/users/2"));
        ExchangeHandle c = lab.sendHttp2(RequestSpec.post("/echo", "ping".getBytes(StandardCharsets.UTF_8)));
        Exchange x1 = settled(a);
        Exchange x2 = settled(b);
        Exchange x3 = settled(c);

        for (Exchange x : List.of(x1, x2, x3)) assertThat(x.outcome()).as(x.end().toString()).isEqualTo(Outcome.COMPLETED);
        assertThat(x1.connectionId()).isEqualTo(x2.connectionId()).isEqualTo(x3.connectionId());
        assertThat(lab.serverConnections()).isEqualTo(1);
        assertThat(new String(x1.response().orElseThrow().body(), StandardCharsets.UTF_8)).contains("\"id\":1");
        assertThat(new String(x2.response().orElseThrow().body(), StandardCharsets.UTF_8)).contains("\"id\":2");
        assertThat(new String(x3.response().orElseThrow().body(), StandardCharsets.UTF_8)).isEqualTo("ping");

        // the first opened the connection (its connect stage, then the HTTP/2 preface); all three have the five stages in order
        assertThat(begins(x1)).containsExactly(Stage.CONNECT, Stage.SEND, Stage.PARSE, Stage.PROCESS, Stage.RESPOND, Stage.INTERPRET);
        assertThat(begins(x2)).containsExactly(Stage.SEND, Stage.PARSE, Stage.PROCESS, Stage.RESPOND, Stage.INTERPRET);
        assertThat(begins(x3)).containsExactly(Stage.SEND, Stage.PARSE, Stage.PROCESS, Stage.RESPOND, Stage.INTERPRET);

        // the client's stream ids are odd, numbered as their HEADERS went out: three in a row
        List<Integer> ids = new java.util.ArrayList<>(List.of(x1, x2, x3).stream().map(x -> first(x, Stage.SEND, "HEADERS").streamId()).toList());
        java.util.Collections.sort(ids);
        assertThat(ids.get(0)).isOdd();
        assertThat(ids).containsExactly(ids.get(0), ids.get(0) + 2, ids.get(0) + 4);
        // every stream frame of an exchange is on its own stream, both ways, as each side saw it
        for (Exchange x : List.of(x1, x2, x3)) {
            int id = first(x, Stage.SEND, "HEADERS").streamId();
            assertThat(x.events()).filteredOn(e -> e.frame() != null && !e.frame().connectionLevel())
                    .allMatch(e -> e.frame().streamId() == id);
            assertThat(first(x, Stage.PARSE, "HEADERS").streamId()).isEqualTo(id);
            assertThat(first(x, Stage.RESPOND, "HEADERS").flagNames()).isEqualTo("END_HEADERS");
            assertThat(frames(x, Stage.INTERPRET)).filteredOn(f -> f.streamId() == id).extracting(FrameReadout::type)
                    .containsExactly("HEADERS", "DATA");
        }
        assertThat(frames(x3, Stage.SEND)).filteredOn(f -> !f.connectionLevel()).extracting(FrameReadout::type, FrameReadout::length)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("HEADERS", first(x3, Stage.SEND, "HEADERS").length()),
                        org.assertj.core.groups.Tuple.tuple("DATA", 4));
        // the preface's SETTINGS belong to the exchange that opened the connection
        assertThat(frames(x1, Stage.CONNECT)).extracting(FrameReadout::type).contains("SETTINGS");
        // HPACK: the second request's header block is smaller, the names and values are in the table the first one filled
        FrameReadout h1 = first(x1, Stage.SEND, "HEADERS");
        FrameReadout h2 = first(x2, Stage.SEND, "HEADERS");
        FrameReadout earlier = h1.streamId() < h2.streamId() ? h1 : h2;
        FrameReadout later = earlier == h1 ? h2 : h1;
        assertThat(later.headerBlock()).isLessThan(earlier.headerBlock());
        assertThat(h1.headers()).contains(new dev.roundtrip.trace.Header(":path", "/users/1"));
        assertThat(h2.headers()).contains(new dev.roundtrip.trace.Header(":path", "/users/2"));
        // the server decoded the same block the client encoded
        assertThat(first(x2, Stage.PARSE, "HEADERS")).isEqualTo(h2);
    }

    @Test
    void aCancelledStreamIsResetWhileTheConnectionAndItsOtherStreamsGoOn() throws Exception {
        ExchangeHandle slow = lab.sendHttp2(RequestSpec.get("/slow?ms=3000"));
        ExchangeHandle other = lab.sendHttp2(RequestSpec.get("/slow?ms=300"));
        // cancel once the server is processing it
        for (int i = 0; i < 2000 && lab.recording().exchange(slow.exchangeId())
                .map(x -> x.events().stream().noneMatch(e -> e.stage() == Stage.PROCESS)).orElse(true); i++) {
            Thread.sleep(5);
        }
        slow.cancel();
        Exchange cancelled = settled(slow);
        Exchange went = settled(other);
        assertThat(cancelled.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(went.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(went.connectionId()).isEqualTo(cancelled.connectionId());
        int stream = first(cancelled, Stage.SEND, "HEADERS").streamId();
        FrameReadout rst = cancelled.events().stream().map(StageEvent::frame).filter(f -> f != null && f.type().equals("RST_STREAM"))
                .findFirst().orElseThrow();
        assertThat(rst.streamId()).isEqualTo(stream);
        assertThat(rst.errorCode()).isEqualTo("CANCEL");
        // the server read the reset and did not answer the stream
        assertThat(cancelled.events()).anyMatch(e -> e.actor() == dev.roundtrip.trace.Actor.SERVER && e.frame() != null
                && e.frame().type().equals("RST_STREAM"));
        assertThat(cancelled.events()).anyMatch(e -> e.stage() == Stage.RESPOND && e.phase() == Phase.ERROR);
        // and the connection still carries new requests
        Exchange after = settled(lab.sendHttp2(RequestSpec.get("/")));
        assertThat(after.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(after.connectionId()).isEqualTo(cancelled.connectionId());
    }

    @Test
    void overTlsAlpnAgreesOnH2AndTwoStreamsShareTheEncryptedConnection() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(lab.tlsPort().isPresent(), lab.tlsUnavailable());
        ExchangeHandle a = lab.sendHttp2(RequestSpec.get("/users/1").withTls(true));
        ExchangeHandle b = lab.sendHttp2(RequestSpec.get("/").withTls(true));
        Exchange x1 = settled(a);
        Exchange x2 = settled(b);
        assertThat(x1.outcome()).as(x1.end().toString()).isEqualTo(Outcome.COMPLETED);
        assertThat(x2.outcome()).as(x2.end().toString()).isEqualTo(Outcome.COMPLETED);
        assertThat(x1.connectionId()).isEqualTo(x2.connectionId());
        Exchange opener = x1.events().stream().anyMatch(e -> e.stage() == Stage.HANDSHAKE) ? x1 : x2;
        // both sides' handshake ends name ALPN h2
        assertThat(opener.events()).filteredOn(e -> e.stage() == Stage.HANDSHAKE && e.phase() == Phase.END)
                .extracting(e -> e.tls().alpn()).containsOnly("h2").hasSize(2);
        for (Exchange x : List.of(x1, x2)) {
            assertThat(begins(x)).containsSubsequence(Stage.SEND, Stage.PARSE, Stage.PROCESS, Stage.RESPOND, Stage.INTERPRET);
            // on TLS the frames are read from the plaintext (plain); the socket carries ciphertext (bytes, below)
            assertThat(x.events()).anyMatch(e -> e.stage() == Stage.SEND && e.plain() != null);
            assertThat(first(x, Stage.SEND, "HEADERS")).isEqualTo(first(x, Stage.PARSE, "HEADERS"));
            assertThat(first(x, Stage.PARSE, "HEADERS").headers()).anyMatch(h -> h.name().equals(":scheme") && h.value().equals("https"));
        }
    }

    @Test
    void curlOverHttpsGetsH2ByAlpn() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(lab.tlsPort().isPresent(), lab.tlsUnavailable());
        org.junit.jupiter.api.Assumptions.assumeTrue(dev.roundtrip.server.Http2Curl.speaksHttp2(), "this curl has no HTTP/2");
        String out = dev.roundtrip.server.Http2Curl.run("--cacert", lab.certificate().orElseThrow().file().toString(),
                "-w", "|%{http_version}", "https://127.0.0.1:" + lab.tlsPort().getAsInt() + "/");
        assertThat(out).isEqualTo("Hello, world!|2");
        for (int i = 0; i < 2000 && lab.recording().exchanges().stream().noneMatch(x -> x.outcome() == Outcome.COMPLETED); i++) Thread.sleep(5);
        lab.bus().awaitDelivered(java.time.Duration.ofSeconds(5));
        Exchange x = lab.recording().exchanges().stream().filter(e -> e.outcome() == Outcome.COMPLETED).findFirst().orElseThrow();
        assertThat(x.events()).anyMatch(e -> e.stage() == Stage.HANDSHAKE && e.tls() != null && "h2".equals(e.tls().alpn()));
        assertThat(first(x, Stage.PARSE, "HEADERS").headers()).contains(new dev.roundtrip.trace.Header(":path", "/"));
        assertThat(frames(x, Stage.RESPOND)).extracting(FrameReadout::type).contains("HEADERS", "DATA");
    }
}
