package dev.roundtrip.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.roundtrip.client.LiveClient;
import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.ExchangeEnded;
import dev.roundtrip.trace.MessageReadout;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import dev.roundtrip.wire.TlsRecords;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The lab's real-time client over TLS (https, wss on the lab's TLS port), and the four ways compared over it. */
class RealtimeOverTlsTest extends RealtimeLabCase {
    /** A TLS handshake of its own, then records on the socket: no plaintext crossed it. */
    private static void overTls(Exchange x) {
        assertThat(x.events()).filteredOn(e -> e.stage() == Stage.HANDSHAKE && e.actor() == Actor.CLIENT).extracting(StageEvent::phase)
                .startsWith(Phase.BEGIN).endsWith(Phase.END);
        StageEvent done = x.events().stream().filter(e -> e.stage() == Stage.HANDSHAKE && e.phase() == Phase.END && e.actor() == Actor.CLIENT)
                .findFirst().orElseThrow();
        assertThat(done.tls().protocol()).startsWith("TLSv1.");
        List<StageEvent> wire = x.events().stream().filter(e -> e.actor() == Actor.CLIENT && e.bytes() != null && e.message() == null
                && (e.stage() == Stage.SEND || e.stage() == Stage.INTERPRET)).toList();
        assertThat(wire).isNotEmpty().allSatisfy(e -> assertThat(TlsRecords.looksLikeTls(io.netty.buffer.Unpooled.wrappedBuffer(e.bytes().data())))
                .as(e.detail()).isTrue());
        String plainSent = x.events().stream().filter(e -> e.stage() == Stage.SEND && e.plain() != null)
                .map(e -> new String(e.plain().data(), StandardCharsets.ISO_8859_1)).reduce("", String::concat);
        assertThat(plainSent).startsWith("GET " + x.request().target() + " HTTP/1.1\r\n");
    }

    @Test
    void anEventStreamOverTlsIsOneExchangeWithItsEventsDecrypted() throws Exception {
        assumeTrue(lab.tlsPort().isPresent(), lab.tlsUnavailable());
        long after = lab.updates().lastId();
        List<String> heard = new CopyOnWriteArrayList<>();
        LiveClient.Stream s = lab.events(after, heard::add, true);
        await("three events over TLS", () -> heard.size() >= 3);
        s.close();
        assertThat(s.result().get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.COMPLETED);
        Exchange x = lab.settled(s.exchangeId()).get(10, TimeUnit.SECONDS);
        assertThat(heard.get(0)).startsWith("{\"id\":" + (after + 1) + ",");
        assertThat(messages(x, Actor.CLIENT).get(0).message()).isEqualTo(MessageReadout.sse(Long.toString(after + 1), heard.get(0).length()));
        assertThat(x.response().orElseThrow().status()).isEqualTo(200);
        overTls(x);
        assertThat(x.events()).anyMatch(e -> e.stage() == Stage.INTERPRET && e.plain() != null
                && new String(e.plain().data(), StandardCharsets.UTF_8).contains("text/event-stream"));
    }

    @Test
    void aWebSocketOverTlsEchoesAndEachFrameIsTheServersFrame() throws Exception {
        assumeTrue(lab.tlsPort().isPresent(), lab.tlsUnavailable());
        List<String> heard = new CopyOnWriteArrayList<>();
        LiveClient.Stream ws = lab.webSocket(heard::add, true);
        await("an update over wss", () -> !heard.isEmpty());
        ws.send("ping over TLS");
        await("the echo", () -> heard.contains("ping over TLS"));
        ws.close();
        ExchangeEnded end = ws.result().get(10, TimeUnit.SECONDS);
        assertThat(end.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(end.response().status()).isEqualTo(101);
        Exchange x = lab.settled(ws.exchangeId()).get(10, TimeUnit.SECONDS);
        overTls(x);
        List<StageEvent> client = messages(x, Actor.CLIENT);
        List<StageEvent> server = x.events().stream().filter(e -> e.message() != null && e.actor() == Actor.SERVER).toList();
        // the frames in plaintext, the same the server wrote; the client's up masked, the echo and close among them
        assertThat(client).allMatch(e -> e.plain() != null);
        assertThat(client).filteredOn(e -> e.message().fromClient()).extracting(e -> e.message().opcode()).containsExactly(1, 8);
        assertThat(client).filteredOn(e -> e.message().fromClient()).extracting(e -> e.message().masked()).containsOnly(true);
        assertThat(client).filteredOn(e -> e.message().fromClient()).allMatch(e -> e.bytes() != null, "carried by a socket write of records");
        List<Integer> fromServer = client.stream().filter(e -> !e.message().fromClient()).map(e -> e.plain().count()).toList();
        assertThat(fromServer).isNotEmpty();
        assertThat(server.stream().filter(e -> !e.message().fromClient()).map(e -> e.bytes() != null ? e.bytes().count() : e.plain().count())
                .toList()).startsWith(fromServer.get(0));
    }

    @Test
    void theFourWaysRunOverTlsAndTheirBytesAreTheRecordsOnTheSocket() throws Exception {
        assumeTrue(lab.tlsPort().isPresent(), lab.tlsUnavailable());
        RealtimeComparison.Result r = RealtimeComparison.run(lab, 4, Duration.ofMillis(40), Duration.ofMillis(100), true);
        assertThat(r.rows()).extracting(RealtimeComparison.Row::way).containsExactly(RealtimeComparison.Way.values());
        for (RealtimeComparison.Row row : r.rows()) {
            assertThat(row.updates()).isEqualTo(4);
            assertThat(row.bytesUp()).as(row.way().wireName()).isPositive();
            assertThat(row.bytesDown()).as(row.way().wireName()).isPositive();
            for (long id : row.exchangeIds()) {
                Exchange x = lab.recording().exchange(id).orElseThrow();
                assertThat(x.outcome()).isEqualTo(Outcome.COMPLETED);
                assertThat(x.events()).as(row.way().wireName() + " #" + id).anyMatch(e -> e.tls() != null || e.plain() != null);
            }
        }
        assertThat(r.rows().get(0).requests()).isGreaterThan(r.rows().get(2).requests());
    }
}
