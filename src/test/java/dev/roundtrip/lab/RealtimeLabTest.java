package dev.roundtrip.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.client.LiveClient;
import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.ExchangeEnded;
import dev.roundtrip.trace.MessageReadout;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The lab's real-time clients against its own server, fed by the queue, and the four ways compared. */
class RealtimeLabTest extends RealtimeLabCase {
    private static List<Integer> sizes(List<StageEvent> frames, boolean fromClient) {
        return frames.stream().filter(e -> e.message().fromClient() == fromClient).map(e -> e.bytes().count()).toList();
    }

    @Test
    void aWebSocketFromTheLabsClientIsOneExchangeWithEveryFrameOnBothSides() throws Exception {
        await("no client, no producer", () -> !lab.updates().producing());
        List<String> heard = new CopyOnWriteArrayList<>();
        LiveClient.Stream ws = lab.webSocket(heard::add);
        await("two updates from the queue", () -> heard.size() >= 2);
        assertThat(heard.get(0)).matches("\\{\"id\":\\d+,\"text\":\"job \\d+ done by consumer-1\"}");
        ws.send("ping from the lab");
        await("the echo", () -> heard.contains("ping from the lab"));
        ws.close();
        ExchangeEnded end = ws.result().get(10, TimeUnit.SECONDS);
        assertThat(end.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(end.response().status()).isEqualTo(101);
        Exchange x = lab.settled(ws.exchangeId()).get(10, TimeUnit.SECONDS);
        List<StageEvent> client = messages(x, Actor.CLIENT);
        List<StageEvent> server = messages(x, Actor.SERVER);
        assertThat(client).allMatch(e -> e.stage() == Stage.INTERPRET && e.bytes() != null);
        assertThat(server).allMatch(e -> e.stage() == Stage.RESPOND && e.bytes() != null);
        // the client's echo request and its close went up masked; the server's frames came down unmasked
        assertThat(client).filteredOn(e -> e.message().fromClient()).extracting(e -> e.message().masked()).containsOnly(true);
        assertThat(client).filteredOn(e -> !e.message().fromClient()).extracting(e -> e.message().masked()).containsOnly(false);
        assertThat(client).filteredOn(e -> e.message().fromClient()).extracting(e -> e.message().opcode()).containsExactly(1, 8);
        // both ends saw the same frames, the same bytes, each way in order; across the two ways no order holds:
        // the echo request crosses the updates coming down, so each end records it among them where it met them
        for (boolean up : new boolean[] {true, false}) {
            assertThat(sizes(server, up)).as(up ? "frames up" : "frames down").isEqualTo(sizes(client, up)).isNotEmpty();
        }
        assertThat(x.events()).filteredOn(e -> e.stage() == Stage.INTERPRET).extracting(StageEvent::phase)
                .startsWith(Phase.BEGIN).endsWith(Phase.END);
        await("the last client left, the producer stops", () -> !lab.updates().producing());
    }

    @Test
    void anEventStreamFromTheLabsClientResumesAfterItsLastEventId() throws Exception {
        long after = lab.updates().lastId();
        List<String> heard = new CopyOnWriteArrayList<>();
        LiveClient.Stream s = lab.events(after, heard::add);
        await("three events", () -> heard.size() >= 3);
        s.close();
        assertThat(s.result().get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.COMPLETED);
        Exchange x = lab.settled(s.exchangeId()).get(10, TimeUnit.SECONDS);
        assertThat(heard.get(0)).startsWith("{\"id\":" + (after + 1) + ",");
        List<MessageReadout> client = messages(x, Actor.CLIENT).stream().map(StageEvent::message).toList();
        assertThat(client.get(0)).isEqualTo(MessageReadout.sse(Long.toString(after + 1), heard.get(0).length()));
        assertThat(messages(x, Actor.SERVER).get(0).message()).isEqualTo(client.get(0));
        assertThat(x.outcome()).isEqualTo(Outcome.COMPLETED);
    }

    @Test
    void overTlsTheRealTimeRoutesAreServed() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(lab.tlsPort().isPresent(), lab.tlsUnavailable());
        dev.roundtrip.client.RequestSpec poll = new dev.roundtrip.client.RequestSpec("GET", "/poll?since=0", List.of(), null, null, true, null, true);
        assertThat(lab.send(poll).result().get(10, TimeUnit.SECONDS).response().status()).isEqualTo(200);
        // /ws is routed on the TLS port too (server.LiveOverTlsTest runs SSE and WebSocket over it): without its upgrade headers, a 400 says why
        dev.roundtrip.client.RequestSpec ws = new dev.roundtrip.client.RequestSpec("GET", "/ws", List.of(), null, null, true, null, true);
        ExchangeEnded end = lab.send(ws).result().get(10, TimeUnit.SECONDS);
        assertThat(end.response().status()).isEqualTo(400);
        assertThat(new String(end.response().body(), java.nio.charset.StandardCharsets.UTF_8)).startsWith("not a WebSocket upgrade");
    }

    @Test
    void theFourWaysDeliverTheSameUpdatesAndTheirFiguresAddUp() throws Exception {
        RealtimeComparison.Result r = RealtimeComparison.run(lab, 6, Duration.ofMillis(40), Duration.ofMillis(100));
        assertThat(r.rows()).extracting(RealtimeComparison.Row::way).containsExactly(RealtimeComparison.Way.values());
        RealtimeComparison.Row polling = r.rows().get(0);
        RealtimeComparison.Row longPolling = r.rows().get(1);
        RealtimeComparison.Row sse = r.rows().get(2);
        RealtimeComparison.Row ws = r.rows().get(3);
        assertThat(sse.requests()).isEqualTo(1);
        assertThat(ws.requests()).isEqualTo(1); // the upgrade
        assertThat(polling.requests()).isGreaterThan(sse.requests());
        assertThat(longPolling.requests()).isBetween(1, 6 + 1);
        for (RealtimeComparison.Row row : r.rows()) {
            assertThat(row.updates()).isEqualTo(6);
            assertThat(row.exchangeIds()).hasSize(row.requests());
            assertThat(row.maxDelayNanos()).isGreaterThanOrEqualTo(row.medianDelayNanos()).isPositive();
            assertThat(row.bytesUp()).isPositive();
            assertThat(row.bytesDown()).isPositive();
        }
        // one request's head against many: polling sends more bytes up than the event stream for the same updates
        assertThat(polling.bytesUp()).isGreaterThan(sse.bytesUp());
        assertThat(lab.recording().exchanges()).noneMatch(x -> x.outcome() == Outcome.PENDING);
    }
}
