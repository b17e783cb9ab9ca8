package dev.roundtrip.ui.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.client.ExchangeHandle;
import dev.roundtrip.client.LiveClient;
import dev.roundtrip.client.RequestSpec;
import dev.roundtrip.lab.Lab;
import dev.roundtrip.lab.LabOptions;
import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Exchanges that do not fit one request and one response, made with the lab and drawn: a WebSocket, and a cancelled h2 stream. */
class LongLivedDiagramTest {
    private Lab lab;

    @BeforeEach
    void start() throws Exception {
        lab = Lab.start(LabOptions.defaults());
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 15 s: " + what);
            LockSupport.parkNanos(1_000_000);
        }
    }

    /** A WebSocket the lab's client opened, sent one text on and closed. */
    static Exchange webSocket(Lab lab) throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        LiveClient.Stream ws = lab.webSocket(heard::add);
        await("an update", () -> !heard.isEmpty());
        ws.send("ping from the lab");
        await("the echo", () -> heard.contains("ping from the lab"));
        ws.close();
        ws.result().get(10, TimeUnit.SECONDS);
        return lab.settled(ws.exchangeId()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aWebSocketsFramesAfterThe101AreArrowsBothWaysTheClientsAsWritesWithTheirBytes() throws Exception {
        Exchange x = webSocket(lab);
        DiagramScript s = DiagramScript.of(x, lab.recording().exchanges());
        DiagramStep interpret = s.steps().stream().filter(t -> t.stage() == Stage.INTERPRET).findFirst().orElseThrow();
        List<StageEvent> written = x.events().stream()
                .filter(e -> e.actor() == Actor.CLIENT && e.message() != null && e.message().fromClient()).toList();
        assertThat(written).hasSize(2); // the text, then the close

        assertThat(interpret.messages()).filteredOn(DiagramStep.Message::fromClient)
                .extracting(DiagramStep.Message::title, DiagramStep.Message::payload, DiagramStep.Message::wireBytes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("text frame", 17L, (long) written.get(0).bytes().count()),
                        org.assertj.core.groups.Tuple.tuple("close frame " + written.get(1).message().closeCode(),
                                written.get(1).message().length(), (long) written.get(1).bytes().count()));
        assertThat(interpret.messages()).filteredOn(m -> !m.fromClient()).isNotEmpty()
                .allMatch(m -> m.title().equals("text frame") || m.title().startsWith("close frame"));
        assertThat(interpret.messages()).extracting(DiagramStep.Message::tNanos).isSorted();
        // drawn once: the server's side of the same frames is not drawn again on respond
        assertThat(s.steps()).filteredOn(t -> t.stage() != Stage.INTERPRET).allMatch(t -> t.messages().isEmpty());
        // the client's writes are not counted among interpret's reads
        long read = x.events().stream().filter(e -> e.stage() == Stage.INTERPRET && e.actor() == Actor.CLIENT && e.bytes() != null)
                .mapToLong(e -> e.bytes().count()).sum();
        long wrote = written.stream().mapToLong(e -> e.bytes().count()).sum();
        assertThat(interpret.bytes()).isEqualTo(read - wrote);
        assertThat(interpret.figures()).startsWith(dev.roundtrip.text.Units.bytes(read - wrote) + " · ");
    }

    @Test
    void aCancelledStreamsRstStreamIsDrawnAndTheConnectionsNextStreamGoesOn() throws Exception {
        ExchangeHandle slow = lab.sendHttp2(RequestSpec.get("/slow?ms=5000"));
        await("the slow request is sent", () -> lab.recording().exchange(slow.exchangeId())
                .map(x -> ConnectionFrames.streamOf(x) != 0).orElse(false));
        lab.cancel(slow.exchangeId());
        Exchange cancelled = lab.settled(slow.exchangeId()).get(10, TimeUnit.SECONDS);
        assertThat(cancelled.outcome()).isEqualTo(Outcome.CANCELLED);
        Exchange next = lab.settled(lab.sendHttp2(RequestSpec.get("/")).exchangeId()).get(10, TimeUnit.SECONDS);
        assertThat(next.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(next.connectionId()).isEqualTo(cancelled.connectionId());

        ConnectionFrames c = DiagramScript.of(next, lab.recording().exchanges()).connection();
        int gone = ConnectionFrames.streamOf(cancelled);
        int own = c.ownStream();
        List<String> drawn = c.frames().stream().map(a -> (a.fromClient() ? "> " : "< ") + new FrameLanes(null, c).title(a.frame())).toList();
        assertThat(drawn).contains("> RST_STREAM s" + gone + " CANCEL", "> HEADERS s" + own, "< DATA s" + own);
        assertThat(drawn.indexOf("> RST_STREAM s" + gone + " CANCEL")).isLessThan(drawn.indexOf("> HEADERS s" + own));
        assertThat(c.streams()).containsExactly(gone, own);
    }
}
