package dev.roundtrip.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roundtrip.client.RequestSpec;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The warm-up runs before a lab starts and leaves nothing of itself in the lab a user sees. */
class WarmupTest {
    @Test
    void aDefaultLabStartsOnAWarmedJvm() throws Exception {
        try (Lab lab = Lab.start()) {
            assertThat(Warmup.exchangesInThisJvm()).isGreaterThanOrEqualTo(Warmup.DEFAULT_EXCHANGES);
            assertThat(lab.warmup().inThisJvm()).isGreaterThanOrEqualTo(Warmup.DEFAULT_EXCHANGES);
            assertThat(lab.warmup().failure()).isNull();
        }
    }

    @Test
    void theWarmUpRunsWhatThisJvmMissesAndNoneOfItIsInTheLab() throws Exception {
        int before = Warmup.exchangesInThisJvm();
        try (Lab lab = Lab.start(LabOptions.defaults().withWarmupExchanges(before + Warmup.MIX.size()))) {
            Warmup.Report w = lab.warmup();
            assertThat(w.ranHere()).isEqualTo(Warmup.MIX.size()); // every route of the mix once
            assertThat(w.inThisJvm()).isEqualTo(before + Warmup.MIX.size());
            assertThat(w.failure()).isNull();
            // nothing of it in this lab: no event, no exchange, no connection, no kernel readout
            lab.bus().awaitDelivered(Duration.ofSeconds(2));
            assertThat(lab.bus().published()).isZero();
            assertThat(lab.recording().exchanges()).isEmpty();
            assertThat(lab.serverConnections()).isZero();
            assertThat(lab.probes().kernelReads()).isZero();
            // the user's first exchange is number 1 on connection 1, on a new connection
            Exchange x = Facts.settle(lab, lab.send(RequestSpec.get("/")).exchangeId());
            assertThat(x.id()).isEqualTo(1);
            assertThat(x.events()).extracting(StageEvent::connectionId).containsOnly(1L);
            assertThat(lab.recording().exchanges()).extracting(Exchange::id).containsExactly(1L);
            assertThat(lab.serverConnections()).isEqualTo(1);
        }
    }

    @Test
    void aLabWarmingLaterWarmsNothingUntilAskedOrUntilTheFirstSend() throws Exception {
        int before = Warmup.exchangesInThisJvm();
        try (Lab lab = Lab.startWarmingLater(LabOptions.defaults().withWarmupExchanges(before + 2))) {
            assertThat(Warmup.exchangesInThisJvm()).as("nothing ran while the window is drawn").isEqualTo(before);
            Exchange x = Facts.settle(lab, lab.send(RequestSpec.get("/")).exchangeId());
            assertThat(lab.warmup().ranHere()).as("the first send began the warm-up and waited for it").isEqualTo(2);
            assertThat(x.id()).isEqualTo(1);
            assertThat(lab.recording().exchanges()).extracting(Exchange::id).containsExactly(1L);
        }
        int after = Warmup.exchangesInThisJvm();
        try (Lab lab = Lab.startWarmingLater(LabOptions.defaults().withWarmupExchanges(after + 1))) {
            lab.beginWarmup();
            lab.beginWarmup(); // once
            assertThat(lab.warmup().ranHere()).isEqualTo(1);
            assertThat(Warmup.exchangesInThisJvm()).isEqualTo(after + 1);
        }
    }

    @Test
    void startedThenWarmedTheFirstSendWaitsForTheWarmUpAndNoneOfItIsInTheLab() throws Exception {
        int before = Warmup.exchangesInThisJvm();
        try (Lab lab = Lab.startThenWarm(LabOptions.defaults().withWarmupExchanges(before + 2))) {
            Exchange x = Facts.settle(lab, lab.send(RequestSpec.get("/")).exchangeId());
            assertThat(lab.warmup().ranHere()).isEqualTo(2);
            assertThat(lab.warmup().failure()).isNull();
            assertThat(Warmup.exchangesInThisJvm()).isEqualTo(before + 2); // all of it before the first send
            assertThat(x.id()).isEqualTo(1);
            assertThat(lab.recording().exchanges()).extracting(Exchange::id).containsExactly(1L);
            assertThat(lab.serverConnections()).isEqualTo(1);
        }
    }

    @Test
    void aWarmJvmIsNotWarmedAgain() throws Exception {
        try (Lab first = Lab.start(); Lab second = Lab.start()) {
            assertThat(second.warmup().ranHere()).isZero();
            assertThat(second.warmup().inThisJvm()).isEqualTo(Warmup.exchangesInThisJvm());
        }
    }

    @Test
    void zeroSwitchesItOff() throws Exception {
        int before = Warmup.exchangesInThisJvm();
        try (Lab lab = Lab.start(LabOptions.defaults().withWarmupExchanges(0))) {
            assertThat(lab.warmup().ranHere()).isZero();
            assertThat(Warmup.exchangesInThisJvm()).isEqualTo(before);
        }
        assertThatThrownBy(() -> LabOptions.defaults().withWarmupExchanges(-1)).hasMessageContaining("warmupExchanges must be >= 0");
    }

    @Test
    void aLabsFirstExchangeAllocatesWhatItsNextOneDoesOnTheWarmedEventLoops() throws Exception {
        try (Lab lab = Lab.start()) {
            Exchange first = Facts.settle(lab, lab.send(RequestSpec.get("/").withKeepAlive(false)).exchangeId());
            Exchange next = Facts.settle(lab, lab.send(RequestSpec.get("/").withKeepAlive(false)).exchangeId()); // a new connection too
            for (Stage s : java.util.List.of(Stage.SEND, Stage.PARSE, Stage.RESPOND, Stage.INTERPRET)) {
                dev.roundtrip.trace.MemoryReadout a = end(first, s);
                dev.roundtrip.trace.MemoryReadout b = end(next, s);
                org.junit.jupiter.api.Assumptions.assumeTrue(a.allocatedBytes() != null, "per-thread allocation is not measured here");
                // the event loops served a connection of their own before the lab did (wire.Transport): no fresh-thread cost
                // left (that was 700 KB-1 MB); a few KB may remain where the JIT, late on a loaded machine, has not yet
                // compiled away an allocation (escape analysis) that the next exchange no longer makes
                assertThat(Math.abs(a.allocatedBytes() - b.allocatedBytes())).as("%s: first %s, next %s", s, a, b).isLessThanOrEqualTo(16 * 1024);
            }
        }
    }

    private static dev.roundtrip.trace.MemoryReadout end(Exchange x, Stage stage) {
        return x.events().stream().filter(e -> e.stage() == stage && e.phase() == dev.roundtrip.trace.Phase.END)
                .findFirst().orElseThrow().memory();
    }
}
