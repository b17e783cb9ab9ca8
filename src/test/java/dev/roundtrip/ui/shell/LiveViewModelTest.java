package dev.roundtrip.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.ui.composer.Preset;
import dev.roundtrip.ui.diagram.DiagramStep;
import dev.roundtrip.ui.diagram.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The main view model on a real lab, without any control: frames pull the live recording. */
class LiveViewModelTest {
    private final LiveLabPort port = LiveLabPort.start();
    private final MainViewModel vm = new MainViewModel(port);
    private long now;

    @AfterEach
    void close() {
        port.close();
    }

    /** Runs frames (as the AnimationTimer would) until the condition holds, at most ~20 s. */
    private boolean framesUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 2000; i++) {
            vm.frame(now += 16_000_000L);
            if (done.getAsBoolean()) return true;
            Thread.sleep(10);
        }
        return false;
    }

    @Test
    void aSentRequestShowsUpInTheListAndAsFiveStages() throws Exception {
        vm.composer().apply(Preset.ALL.get(1));
        vm.send();
        assertThat(framesUntil(() -> vm.exchanges().size() == 1 && vm.exchanges().get(0).status().equals("200")
                && vm.scriptProperty().get().steps().size() == 6)).isTrue();
        // the first exchange opens its connection: connect, then the five stages
        assertThat(vm.scriptProperty().get().steps()).extracting(DiagramStep::stage)
                .containsExactly(Stage.CONNECT, Stage.SEND, Stage.PARSE, Stage.PROCESS, Stage.RESPOND, Stage.INTERPRET);
        assertThat(vm.scriptProperty().get().steps().get(3).sql()).isNotEmpty();
        assertThat(framesUntil(() -> vm.playback().atEnd())).isTrue();
        assertThat(vm.inspector().waterfall()).hasSize(6);
    }

    @Test
    void aRequestTheEngineRefusesIsNotSentAndTheReasonIsShown() throws Exception {
        vm.composer().targetProperty().set("/users 1");
        vm.send();
        assertThat(vm.messageProperty().get()).startsWith("Not sent:").contains("/users 1");
        for (int i = 0; i < 10; i++) vm.frame(now += 16_000_000L);
        assertThat(vm.recording().exchanges()).isEmpty();
    }

    @Test
    void cancellingAPendingExchangeEndsItAsCancelled() throws Exception {
        // held before process until the cancel: /slow alone answers after 1.5 s, and at load 20 the send (behind the
        // lab's warm-up) and the frames until the cancel took longer, so it had COMPLETED and no CANCELLED could come
        port.setMode(dev.roundtrip.gate.GateMode.BREAKPOINTS);
        port.setBreakpoints(java.util.EnumSet.of(Stage.PROCESS));
        vm.composer().apply(Preset.ALL.get(3)); // /slow
        vm.send();
        assertThat(framesUntil(() -> vm.selectedIdProperty().get() >= 0)).isTrue();
        vm.cancelSelected();
        assertThat(framesUntil(() -> vm.selected().map(x -> x.outcome() != Outcome.PENDING).orElse(false))).isTrue();
        assertThat(vm.selected().orElseThrow().outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(framesUntil(() -> vm.scriptProperty().get().severity() == Severity.CANCELLED)).isTrue();
        assertThat(vm.exchanges().get(0).severity()).isEqualTo(Severity.CANCELLED);
    }

    @Test
    void theComposersTlsSwitchSendsHttpsAndTheDiagramDrawsTheHandshake() throws Exception {
        vm.composer().apply(Preset.ALL.get(1));
        vm.composer().tlsProperty().set(true);
        vm.send();
        assertThat(framesUntil(() -> vm.exchanges().size() == 1 && vm.exchanges().get(0).status().equals("200")
                && vm.scriptProperty().get().steps().size() == 7)).isTrue();
        assertThat(vm.scriptProperty().get().steps()).extracting(DiagramStep::stage).containsExactly(Stage.CONNECT, Stage.HANDSHAKE,
                Stage.SEND, Stage.PARSE, Stage.PROCESS, Stage.RESPOND, Stage.INTERPRET);
        assertThat(vm.scriptProperty().get().steps().get(1).title()).isEqualTo("TLS handshake");
    }
}
