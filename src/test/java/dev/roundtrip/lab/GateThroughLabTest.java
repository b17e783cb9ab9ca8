package dev.roundtrip.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.roundtrip.client.ExchangeHandle;
import dev.roundtrip.client.RequestSpec;
import dev.roundtrip.gate.GateMode;
import dev.roundtrip.gate.Hold;
import dev.roundtrip.probe.KernelProbe;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.GateEvent;
import dev.roundtrip.trace.KernelReadout;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Stage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GateThroughLabTest {

    private static Optional<Hold> awaitHold(Lab lab, long id) throws InterruptedException {
        Facts.eventually(() -> lab.gates().isHeld(id));
        return lab.gates().held().stream().filter(h -> h.exchangeId() == id).findFirst();
    }

    @Test
    void stepModeHoldsBeforeEveryStageInOrder() throws Exception {
        try (Lab lab = Lab.start()) {
            lab.gates().setMode(GateMode.STEP);
            ExchangeHandle h = lab.send(RequestSpec.get("/users/2"));
            List<Stage> holds = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Hold hold = awaitHold(lab, h.exchangeId()).orElseThrow(() -> new AssertionError("no hold after " + holds));
                holds.add(hold.stage());
                lab.gates().release(h.exchangeId());
            }
            Exchange x = Facts.settle(lab, h.exchangeId());
            assertThat(holds).containsExactly(Stage.SEND, Stage.PARSE, Stage.PROCESS, Stage.RESPOND, Stage.INTERPRET);
            assertThat(x.outcome()).isEqualTo(Outcome.COMPLETED);
            assertThat(x.gateEvents()).extracting(GateEvent::kind).containsExactly(
                    GateEvent.Kind.HELD, GateEvent.Kind.RELEASED, GateEvent.Kind.HELD, GateEvent.Kind.RELEASED,
                    GateEvent.Kind.HELD, GateEvent.Kind.RELEASED, GateEvent.Kind.HELD, GateEvent.Kind.RELEASED,
                    GateEvent.Kind.HELD, GateEvent.Kind.RELEASED);
        }
    }

    @Test
    void heldBeforeParseTheRequestWaitsInTheServerKernel() throws Exception {
        assumeTrue(new KernelProbe().available(), "kernel queues are readable on Linux only");
        try (Lab lab = Lab.start()) {
            lab.gates().setMode(GateMode.BREAKPOINTS);
            lab.gates().setBreakpoint(Stage.PARSE, true);
            lab.gates().setBreakpoint(Stage.INTERPRET, true);
            ExchangeHandle h = lab.send(RequestSpec.post("/echo", "held bytes".getBytes()));
            assertThat(awaitHold(lab, h.exchangeId())).map(Hold::stage).contains(Stage.PARSE);
            KernelReadout k = lab.probe(h.exchangeId()).orElseThrow();
            lab.bus().awaitDelivered(Duration.ofSeconds(5));
            Exchange sofar = lab.recording().exchange(h.exchangeId()).orElseThrow();
            long sent = Facts.count(sofar, Stage.SEND);
            assertThat(k.rxQueue()).isEqualTo(sent).isGreaterThan(0);
            GateEvent held = sofar.gateEvents().get(0);
            assertThat(held.kind()).isEqualTo(GateEvent.Kind.HELD);
            assertThat(held.kernel().rxQueue()).isEqualTo(sent);
            // the connection's TCP state while the request waits: established, the request's bytes acknowledged by the kernel
            if (lab.probes().transport() == dev.roundtrip.wire.Transport.EPOLL) {
                assertThat(held.tcp()).isNotNull();
                assertThat(held.tcp().state()).isEqualTo("ESTABLISHED");
                assertThat(held.tcp().mss()).isPositive();
                dev.roundtrip.record.Recording copy = dev.roundtrip.record.RecordingJson.read(
                        dev.roundtrip.record.RecordingJson.toBytes(lab.recording()), "held.roundtrip.json");
                assertThat(copy.exchange(h.exchangeId()).orElseThrow().gateEvents().get(0).tcp()).isEqualTo(held.tcp());
            }
            assertThat(sofar.gateEvents()).anyMatch(g -> g.kind() == GateEvent.Kind.PROBED && g.stage() == Stage.PARSE);
            System.out.println("rx queue held before parse: " + k.rxQueue() + " bytes (request " + sent + " bytes)");

            lab.gates().release(h.exchangeId());
            assertThat(awaitHold(lab, h.exchangeId())).map(Hold::stage).contains(Stage.INTERPRET);
            KernelReadout client = lab.probe(h.exchangeId()).orElseThrow();
            lab.bus().awaitDelivered(Duration.ofSeconds(5));
            long responded = Facts.count(lab.recording().exchange(h.exchangeId()).orElseThrow(), Stage.RESPOND);
            assertThat(client.rxQueue()).isEqualTo(responded).isGreaterThan(0);
            lab.gates().release(h.exchangeId());
            assertThat(Facts.settle(lab, h.exchangeId()).outcome()).isEqualTo(Outcome.COMPLETED);
        }
    }

    @Test
    void theClientTimeoutDoesNotRunWhileTheExchangeIsHeld() throws Exception {
        try (Lab lab = Lab.start()) {
            lab.gates().setMode(GateMode.BREAKPOINTS);
            lab.gates().setBreakpoint(Stage.SEND, true);
            ExchangeHandle h = lab.send(RequestSpec.get("/").withTimeout(Duration.ofMillis(1000)));
            assertThat(awaitHold(lab, h.exchangeId())).isPresent();
            Thread.sleep(1500); // longer than the timeout, but held
            assertThat(h.result()).isNotDone();
            lab.gates().release(h.exchangeId());
            assertThat(Facts.settle(lab, h.exchangeId()).outcome()).isEqualTo(Outcome.COMPLETED);
        }
    }

    @Test
    void switchingToRunLetsEverythingGo() throws Exception {
        try (Lab lab = Lab.start()) {
            lab.gates().setMode(GateMode.STEP);
            ExchangeHandle a = lab.send(RequestSpec.get("/"));
            ExchangeHandle b = lab.send(RequestSpec.get("/users"));
            assertThat(Facts.eventually(() -> lab.gates().held().size() == 2)).isTrue();
            lab.gates().setMode(GateMode.RUN);
            assertThat(Facts.settle(lab, a.exchangeId()).outcome()).isEqualTo(Outcome.COMPLETED);
            assertThat(Facts.settle(lab, b.exchangeId()).outcome()).isEqualTo(Outcome.COMPLETED);
        }
    }
}
