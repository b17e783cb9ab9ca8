package dev.roundtrip.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.roundtrip.client.ExchangeHandle;
import dev.roundtrip.client.RequestSpec;
import dev.roundtrip.gate.GateMode;
import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.GateEvent;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A client that gives up (timeout) or leaves (cancel): the server still answers, and the trace shows where that went. */
class LeavingClientTest {
    private static Lab lab;

    @BeforeAll
    static void start() throws Exception {
        lab = Lab.start();
        Facts.settle(lab, lab.send(RequestSpec.get("/")).exchangeId()); // warm: short timeouts below must not meet class loading
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    private static void assertServerAnsweredNoOne(Exchange x) {
        assertThat(Facts.has(x, Stage.PROCESS, Phase.END)).as("the server still processed").isTrue();
        assertThat(Facts.has(x, Stage.RESPOND, Phase.BEGIN)).as("and began to respond").isTrue();
        StageEvent error = Facts.of(x, Stage.RESPOND, Phase.ERROR).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no RESPOND ERROR in " + x.events()));
        assertThat(error.actor()).isEqualTo(Actor.SERVER_KERNEL);
        assertThat(error.detail()).containsIgnoringCase("write failed").containsAnyOf("reset", "Broken pipe", "closed");
        assertThat(Facts.has(x, Stage.INTERPRET, Phase.BEGIN)).isFalse();
        assertThat(x.response()).isEmpty();
    }

    @Test
    void aTimeoutEndsTheExchangeButNotTheServersWork() throws Exception {
        ExchangeHandle h = lab.send(RequestSpec.get("/slow?ms=1000").withTimeout(Duration.ofMillis(300)));
        Exchange x = Facts.settle(lab, h.exchangeId());
        assertThat(x.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(h.result().join().outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(x.end().orElseThrow().detail()).contains("no response within 300 ms");
        assertThat(Facts.of(x, Stage.INTERPRET, Phase.ERROR)).singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo(Actor.CLIENT));
        assertServerAnsweredNoOne(x);
    }

    @Test
    void aCancelledExchangeIsStillProcessedAndItsAnswerIsLost() throws Exception {
        ExchangeHandle h = lab.send(RequestSpec.get("/slow?ms=800"));
        assertThat(Facts.eventually(() -> lab.recording().exchange(h.exchangeId())
                .map(x -> Facts.has(x, Stage.PROCESS, Phase.BEGIN)).orElse(false))).isTrue();
        lab.cancel(h.exchangeId());
        Exchange x = Facts.settle(lab, h.exchangeId());
        assertThat(x.outcome()).isEqualTo(Outcome.CANCELLED);
        assertServerAnsweredNoOne(x);
        // the engine keeps serving
        assertThat(Facts.settle(lab, lab.send(RequestSpec.get("/")).exchangeId()).outcome()).isEqualTo(Outcome.COMPLETED);
    }

    @Test
    void cancelledWhileHeldBeforeSendNothingReachesTheServer() throws Exception {
        try (Lab stepping = Lab.start()) {
            stepping.gates().setMode(GateMode.STEP);
            ExchangeHandle h = stepping.send(RequestSpec.get("/users/1"));
            assertThat(Facts.eventually(() -> stepping.gates().isHeld(h.exchangeId()))).isTrue();
            h.cancel();
            Exchange x = Facts.settle(stepping, h.exchangeId());
            assertThat(x.outcome()).isEqualTo(Outcome.CANCELLED);
            assertThat(stepping.gates().isHeld(h.exchangeId())).isFalse();
            // the connection was opened before the send gate (its accept is the server's); nothing of the request reached it
            assertThat(x.events()).noneMatch(e -> e.actor() == Actor.SERVER && e.stage() != Stage.CONNECT);
            // the forgotten hold is a fact too, so no one goes on showing it as held
            assertThat(x.gateEvents()).extracting(GateEvent::kind, GateEvent::stage)
                    .containsExactly(tuple(GateEvent.Kind.HELD, Stage.SEND), tuple(GateEvent.Kind.DISCARDED, Stage.SEND));
            // and survives a save and a load
            Exchange loaded = dev.roundtrip.record.RecordingJson.read(dev.roundtrip.record.RecordingJson.toBytes(stepping.recording()), "saved")
                    .exchange(h.exchangeId()).orElseThrow();
            assertThat(loaded.gateEvents()).extracting(GateEvent::kind).containsExactly(GateEvent.Kind.HELD, GateEvent.Kind.DISCARDED);
        }
    }

    @Test
    void cancelledWhileTheServerHoldsItBeforeProcessTheServerGoesOnByItselfAndItSettles() throws Exception {
        try (Lab stepping = Lab.start()) {
            stepping.gates().setMode(GateMode.BREAKPOINTS);
            stepping.gates().setBreakpoints(java.util.EnumSet.of(Stage.PROCESS, Stage.RESPOND));
            ExchangeHandle h = stepping.send(RequestSpec.get("/users/1"));
            assertThat(Facts.eventually(() -> stepping.gates().heldStage(h.exchangeId()).equals(java.util.Optional.of(Stage.PROCESS)))).isTrue();
            h.cancel();
            // no step: the client left, so its server side is let go and passes the RESPOND breakpoint too
            Exchange x = Facts.settle(stepping, h.exchangeId());
            assertThat(x.outcome()).isEqualTo(Outcome.CANCELLED);
            assertServerAnsweredNoOne(x);
            assertThat(x.gateEvents()).extracting(GateEvent::kind, GateEvent::stage)
                    .containsExactly(tuple(GateEvent.Kind.HELD, Stage.PROCESS), tuple(GateEvent.Kind.RELEASED, Stage.PROCESS));
            assertThat(stepping.gates().held()).isEmpty();
            // a new exchange is held as before
            ExchangeHandle next = stepping.send(RequestSpec.get("/"));
            assertThat(Facts.eventually(() -> stepping.gates().isHeld(next.exchangeId()))).isTrue();
        }
    }

    @Test
    void inStepModeACancelledExchangeHeldBeforeParseSettlesWithoutSteps() throws Exception {
        try (Lab stepping = Lab.start()) {
            stepping.gates().setMode(GateMode.STEP);
            ExchangeHandle h = stepping.send(RequestSpec.get("/"));
            assertThat(Facts.eventually(() -> stepping.gates().isHeld(h.exchangeId()))).isTrue();
            stepping.gates().step(); // past SEND
            assertThat(Facts.eventually(() -> stepping.gates().heldStage(h.exchangeId()).equals(java.util.Optional.of(Stage.PARSE)))).isTrue();
            h.cancel();
            Exchange x = Facts.settle(stepping, h.exchangeId());
            assertThat(x.outcome()).isEqualTo(Outcome.CANCELLED);
            assertThat(x.events()).anyMatch(e -> e.actor() == Actor.SERVER_KERNEL && e.phase() == Phase.ERROR);
            assertThat(stepping.gates().held()).isEmpty();
        }
    }

    @Test
    void cancelledWhileHeldBeforeParseTheServerStillFindsTheClientGone() throws Exception {
        try (Lab stepping = Lab.start()) {
            stepping.gates().setMode(GateMode.BREAKPOINTS);
            stepping.gates().setBreakpoint(Stage.PARSE, true);
            ExchangeHandle h = stepping.send(RequestSpec.get("/users/1"));
            assertThat(Facts.eventually(() -> stepping.gates().isHeld(h.exchangeId()))).isTrue();
            h.cancel();
            assertThat(h.result().get(5, java.util.concurrent.TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.CANCELLED);
            // Linux keeps bytes that arrived before the reset readable: the server reads, processes and
            // its answer meets the reset; a kernel that drops them makes the read fail instead.
            stepping.gates().release(h.exchangeId());
            Exchange x = Facts.settle(stepping, h.exchangeId());
            assertThat(x.events()).anyMatch(e -> e.actor() == Actor.SERVER_KERNEL && e.phase() == Phase.ERROR
                    && (e.stage() == Stage.PARSE || e.stage() == Stage.RESPOND));
            assertThat(Facts.has(x, Stage.INTERPRET, Phase.BEGIN)).isFalse();
        }
    }

    @Test
    void anIncompleteRequestTimesOut() throws Exception {
        ExchangeHandle h = lab.send(RequestSpec.raw("GET / HTTP/1.1\r\nHost: x\r\n").withTimeout(Duration.ofMillis(500)));
        Exchange x = Facts.settle(lab, h.exchangeId());
        assertThat(x.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(Facts.has(x, Stage.PARSE, Phase.BEGIN)).isTrue();
        assertThat(Facts.of(x, Stage.PARSE, Phase.ERROR)).singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo(Actor.SERVER_KERNEL));
    }
}
