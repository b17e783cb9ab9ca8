package dev.roundtrip.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.gate.GateMode;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.ui.Fixtures;
import dev.roundtrip.ui.diagram.Severity;
import dev.roundtrip.ui.exchanges.ExchangeRow;
import org.junit.jupiter.api.Test;

class MainViewModelTest {
    private final MainViewModel vm = new MainViewModel(new ReplayPort(Fixtures.classroom(), "fixtures"));

    @Test
    void theFirstFrameListsEveryExchangeNewestLastAndFollowsTheNewest() {
        vm.frame(0);
        assertThat(vm.exchanges()).extracting(ExchangeRow::status).containsExactly("200", "404", "500", "Timed out", "Cancelled", "held");
        assertThat(vm.exchanges()).extracting(ExchangeRow::severity)
                .containsExactly(Severity.OK, Severity.CLIENT_ERROR, Severity.SERVER_ERROR, Severity.TIMEOUT, Severity.CANCELLED, Severity.PENDING);
        assertThat(vm.selectedIdProperty().get()).isEqualTo(6);
        assertThat(vm.statusProperty().get()).contains("Replay of fixtures").contains("6 exchanges").contains("held before parse");
    }

    @Test
    void selectingAnExchangeDrawsItFromItsStartAndFramesAnimateIt() {
        vm.frame(0);
        vm.select(1);
        assertThat(vm.scriptProperty().get().steps()).hasSize(5);
        assertThat(vm.playback().currentStep()).isZero();
        long t = 0;
        for (int i = 0; i < 200 && !vm.playback().atEnd(); i++) vm.frame(t += 50_000_000L);
        assertThat(vm.playback().atEnd()).isTrue();
        assertThat(vm.playback().currentStep()).isEqualTo(4);
        assertThat(vm.inspector().waterfall()).hasSize(5);
    }

    @Test
    void stepKeysMoveOneStageWhenNothingIsHeld() {
        vm.frame(0);
        vm.select(2);
        vm.playback().playingProperty().set(false);
        vm.stepForward();
        vm.stepForward();
        assertThat(vm.playback().currentStep()).isEqualTo(1);
        vm.stepBack();
        assertThat(vm.playback().currentStep()).isZero();
    }

    @Test
    void zoomIsBoundedAndBreakpointsSwitchTheMode() {
        vm.zoomIn();
        assertThat(vm.zoomProperty().get()).isGreaterThan(1);
        for (int i = 0; i < 30; i++) vm.zoomIn();
        assertThat(vm.zoomProperty().get()).isEqualTo(MainViewModel.MAX_ZOOM);
        vm.zoomReset();
        assertThat(vm.zoomProperty().get()).isEqualTo(1);
        vm.gates().toggleBreakpoint(Stage.PARSE);
        assertThat(vm.gates().modeProperty().get()).isEqualTo(GateMode.BREAKPOINTS);
        vm.gates().toggleBreakpoint(Stage.PARSE);
        assertThat(vm.gates().modeProperty().get()).isEqualTo(GateMode.RUN);
        vm.gates().modeProperty().set(GateMode.STEP);
        assertThat(vm.gates().modeProperty().get()).isEqualTo(GateMode.STEP);
    }

    @Test
    void aReplayCannotSendAndSaysSo() {
        vm.send();
        assertThat(vm.messageProperty().get()).contains("replay");
    }
}
