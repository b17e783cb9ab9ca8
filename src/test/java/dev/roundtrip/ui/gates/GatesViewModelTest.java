package dev.roundtrip.ui.gates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.gate.GateMode;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.ui.shell.LabPort;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GatesViewModelTest {
    private final List<String> sent = new ArrayList<>();
    /** A live port that only writes down what the gates told it. */
    private final LabPort live = (LabPort) Proxy.newProxyInstance(LabPort.class.getClassLoader(), new Class<?>[] {LabPort.class},
            (proxy, m, args) -> {
                if (m.getName().startsWith("set")) sent.add(m.getName() + " " + args[0]);
                return null;
            });
    private final GatesViewModel vm = new GatesViewModel(live);

    @Test
    void aBreakpointSwitchesToBreakpointsModeAndTheLastOneBackToRun() {
        vm.toggleBreakpoint(Stage.PARSE);
        assertThat(vm.mode()).isEqualTo(GateMode.BREAKPOINTS);
        vm.toggleBreakpoint(Stage.PARSE);
        assertThat(vm.mode()).isEqualTo(GateMode.RUN);
        assertThat(sent).containsExactly("setBreakpoints [PARSE]", "setMode BREAKPOINTS", "setBreakpoints []", "setMode RUN");
    }

    @Test
    void everyModeChangeReachesTheEngine() {
        vm.modeProperty().set(GateMode.STEP);
        vm.modeProperty().set(GateMode.RUN);
        assertThat(sent).containsExactly("setMode STEP", "setMode RUN");
        assertThat(GatesViewModel.modeMessage(GateMode.STEP)).contains("Step (→)");
    }

    @Test
    void stepModeTogglesBackToRunOrToTheBreakpointsThatAreSet() {
        vm.toggleStepMode();
        assertThat(vm.mode()).isEqualTo(GateMode.STEP);
        vm.toggleStepMode();
        assertThat(vm.mode()).isEqualTo(GateMode.RUN);
        vm.toggleBreakpoint(Stage.PROCESS);
        vm.toggleStepMode();
        assertThat(vm.mode()).isEqualTo(GateMode.STEP);
        vm.toggleStepMode();
        assertThat(vm.mode()).isEqualTo(GateMode.BREAKPOINTS);
    }

    @Test
    void gatesSetBySomeoneElseAreShownButNotSentBack() {
        vm.showGates(GateMode.BREAKPOINTS, Set.of(Stage.RESPOND));
        assertThat(vm.mode()).isEqualTo(GateMode.BREAKPOINTS);
        assertThat(vm.breakpoints()).containsExactly(Stage.RESPOND);
        vm.showGates(GateMode.RUN, Set.of());
        assertThat(vm.breakpoints()).isEmpty();
        assertThat(sent).isEmpty();
    }
}
