package dev.roundtrip.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.client.ExchangeHandle;
import dev.roundtrip.client.RequestSpec;
import dev.roundtrip.gate.GateMode;
import dev.roundtrip.gate.Hold;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.GateEvent;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Step mode over HTTP/2: the gates hold each stream before each stage, and a held stream holds no other stream of its connection. */
class Http2StepTest {
    private Lab lab;

    @BeforeEach
    void start() throws Exception {
        lab = Lab.start(LabOptions.defaults());
        lab.gates().setMode(GateMode.STEP);
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    private Stage awaitHold(long id) throws InterruptedException {
        assertThat(Facts.eventually(() -> lab.gates().isHeld(id))).as("exchange " + id + " is held").isTrue();
        return lab.gates().held().stream().filter(h -> h.exchangeId() == id).findFirst().map(Hold::stage).orElseThrow();
    }

    /** Releases the exchange stage by stage until it is held before {@code stage}; returns the stages it was held before. */
    private List<Stage> walkTo(long id, Stage stage) throws InterruptedException {
        List<Stage> holds = new ArrayList<>();
        for (int i = 0; i < Stage.values().length; i++) {
            Stage held = awaitHold(id);
            holds.add(held);
            if (held == stage) return holds;
            lab.gates().release(id);
        }
        throw new AssertionError("never held before " + stage + ": " + holds);
    }

    /** Releases every hold of the exchange until it has settled; returns the stages it was held before. */
    private List<Stage> walkToTheEnd(long id) throws Exception {
        List<Stage> holds = new ArrayList<>();
        for (int i = 0; i < Stage.values().length && holds.lastIndexOf(Stage.INTERPRET) < 0; i++) {
            holds.add(awaitHold(id));
            lab.gates().release(id);
        }
        return holds;
    }

    private static long released(Exchange x, Stage stage) {
        return x.gateEvents().stream().filter(g -> g.stage() == stage && g.kind() == GateEvent.Kind.RELEASED).findFirst()
                .orElseThrow().tNanos();
    }

    private static StageEvent begin(Exchange x, Stage stage) {
        return x.events().stream().filter(e -> e.stage() == stage && e.phase() == Phase.BEGIN).findFirst().orElseThrow();
    }

    @Test
    void eachStreamIsHeldBeforeEveryStageAndParsesAndInterpretsOnlyOnceReleased() throws Exception {
        ExchangeHandle h = lab.sendHttp2(RequestSpec.get("/users/1"));
        List<Stage> holds = walkToTheEnd(h.exchangeId());
        Exchange x = Facts.settle(lab, h.exchangeId());

        assertThat(holds).containsExactly(Stage.SEND, Stage.PARSE, Stage.PROCESS, Stage.RESPOND, Stage.INTERPRET);
        assertThat(x.outcome()).as(x.end().toString()).isEqualTo(Outcome.COMPLETED);
        assertThat(x.gateEvents()).extracting(GateEvent::kind).containsExactly(
                GateEvent.Kind.HELD, GateEvent.Kind.RELEASED, GateEvent.Kind.HELD, GateEvent.Kind.RELEASED,
                GateEvent.Kind.HELD, GateEvent.Kind.RELEASED, GateEvent.Kind.HELD, GateEvent.Kind.RELEASED,
                GateEvent.Kind.HELD, GateEvent.Kind.RELEASED);
        // parse and interpret begin after their gates let the stream go; its frames had waited in the stream's buffer
        assertThat(begin(x, Stage.PARSE).tNanos()).isGreaterThanOrEqualTo(released(x, Stage.PARSE));
        assertThat(begin(x, Stage.PARSE).detail()).contains("let through the parse gate");
        assertThat(begin(x, Stage.INTERPRET).tNanos()).isGreaterThanOrEqualTo(released(x, Stage.INTERPRET));
        assertThat(begin(x, Stage.INTERPRET).detail()).contains("let through the interpret gate");
        assertThat(x.events()).anyMatch(e -> e.frame() != null && e.frame().type().equals("HEADERS")
                && e.detail().endsWith("(held before parse)"));
        assertThat(x.events()).anyMatch(e -> e.frame() != null && e.frame().type().equals("HEADERS")
                && e.detail().endsWith("(held before interpret)"));
        assertThat(new String(x.response().orElseThrow().body(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"id\":1");
    }

    @Test
    void aStreamHeldBeforeParseOrInterpretHoldsNoOtherStreamOfItsConnection() throws Exception {
        ExchangeHandle held = lab.sendHttp2(RequestSpec.get("/users/1"));
        assertThat(walkTo(held.exchangeId(), Stage.PARSE)).containsExactly(Stage.SEND, Stage.PARSE);

        // a second stream on the same connection goes through all five stages while the first waits before parse
        ExchangeHandle passing = lab.sendHttp2(RequestSpec.get("/users/2"));
        assertThat(walkToTheEnd(passing.exchangeId())).containsExactly(Stage.SEND, Stage.PARSE, Stage.PROCESS, Stage.RESPOND,
                Stage.INTERPRET);
        Exchange went = Facts.settle(lab, passing.exchangeId());
        assertThat(went.outcome()).as(went.end().toString()).isEqualTo(Outcome.COMPLETED);
        assertThat(lab.gates().heldStage(held.exchangeId())).contains(Stage.PARSE);
        assertThat(lab.recording().exchange(held.exchangeId()).orElseThrow().events())
                .noneMatch(e -> e.stage() == Stage.PARSE && e.phase() != Phase.PROGRESS);

        // then the first is held before interpret, and a third stream passes it
        assertThat(walkTo(held.exchangeId(), Stage.INTERPRET)).containsExactly(Stage.PARSE, Stage.PROCESS, Stage.RESPOND, Stage.INTERPRET);
        ExchangeHandle third = lab.sendHttp2(RequestSpec.get("/"));
        walkToTheEnd(third.exchangeId());
        Exchange after = Facts.settle(lab, third.exchangeId());
        assertThat(after.outcome()).as(after.end().toString()).isEqualTo(Outcome.COMPLETED);
        assertThat(lab.recording().exchange(held.exchangeId()).orElseThrow().outcome()).isEqualTo(Outcome.PENDING);

        lab.gates().release(held.exchangeId());
        Exchange first = Facts.settle(lab, held.exchangeId());
        assertThat(first.outcome()).as(first.end().toString()).isEqualTo(Outcome.COMPLETED);
        assertThat(first.connectionId()).isEqualTo(went.connectionId()).isEqualTo(after.connectionId());
        assertThat(lab.serverConnections()).isEqualTo(1);
    }
}
