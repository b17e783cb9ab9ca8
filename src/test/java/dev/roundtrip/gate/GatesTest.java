package dev.roundtrip.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.trace.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class GatesTest {
    private final List<String> ran = new ArrayList<>();
    private final Executor direct = Runnable::run;

    @Test
    void runModeNeverHolds() {
        Gates gates = new Gates();
        assertThat(gates.pass(1, Stage.PARSE, direct, () -> ran.add("parse"))).isFalse();
        assertThat(ran).containsExactly("parse");
        assertThat(gates.held()).isEmpty();
    }

    @Test
    void stepModeHoldsUntilOneStepReleasesTheOldest() {
        Gates gates = new Gates();
        gates.setMode(GateMode.STEP);
        gates.pass(1, Stage.SEND, direct, () -> ran.add("1 send"));
        gates.pass(2, Stage.SEND, direct, () -> ran.add("2 send"));
        assertThat(ran).isEmpty();
        assertThat(gates.held()).extracting(Hold::exchangeId).containsExactly(1L, 2L);

        assertThat(gates.step()).map(Hold::exchangeId).contains(1L);
        assertThat(ran).containsExactly("1 send");
        assertThat(gates.held()).extracting(Hold::exchangeId).containsExactly(2L);
    }

    @Test
    void breakpointsHoldOnlyChosenStages() {
        Gates gates = new Gates();
        gates.setMode(GateMode.BREAKPOINTS);
        gates.setBreakpoints(Set.of(Stage.PROCESS));
        gates.pass(1, Stage.PARSE, direct, () -> ran.add("parse"));
        gates.pass(1, Stage.PROCESS, direct, () -> ran.add("process"));
        assertThat(ran).containsExactly("parse");
        assertThat(gates.isHeld(1)).isTrue();
        gates.release(1);
        assertThat(ran).containsExactly("parse", "process");
    }

    @Test
    void switchingToRunReleasesEverythingInOrder() {
        Gates gates = new Gates();
        gates.setMode(GateMode.STEP);
        gates.pass(1, Stage.SEND, direct, () -> ran.add("a"));
        gates.pass(2, Stage.SEND, direct, () -> ran.add("b"));
        gates.setMode(GateMode.RUN);
        assertThat(ran).containsExactly("a", "b");
        assertThat(gates.held()).isEmpty();
    }

    @Test
    void anAnnouncementComesBeforeTheHoldIsVisible() {
        Gates gates = new Gates();
        gates.setMode(GateMode.STEP);
        List<Boolean> visibleWhenAnnounced = new ArrayList<>();
        gates.pass(1, Stage.PARSE, direct, () -> ran.add("parse"), () -> visibleWhenAnnounced.add(gates.isHeld(1)));
        assertThat(visibleWhenAnnounced).containsExactly(false);
        assertThat(gates.isHeld(1)).isTrue();
        gates.setMode(GateMode.RUN);
        gates.pass(2, Stage.PARSE, direct, () -> ran.add("run"), () -> visibleWhenAnnounced.add(true));
        assertThat(visibleWhenAnnounced).hasSize(1);
        assertThat(ran).containsExactly("parse", "run");
    }
}
