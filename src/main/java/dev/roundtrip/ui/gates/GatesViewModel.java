package dev.roundtrip.ui.gates;

import dev.roundtrip.gate.GateMode;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.ui.shell.LabPort;
import java.util.EnumSet;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;

/**
 * Run, Step or breakpoints: what the live engine's gates do. Changes go to the live port; gates set
 * by someone else (a lesson) are shown with {@link #showGates} and not sent back.
 */
public final class GatesViewModel {
    static final dev.roundtrip.text.Texts.Bundle T = dev.roundtrip.text.Texts.of("dev.roundtrip.ui.gates.Texts");

    private final ObjectProperty<GateMode> mode = new SimpleObjectProperty<>(GateMode.RUN);
    private final ObservableSet<Stage> breakpoints = FXCollections.observableSet(EnumSet.noneOf(Stage.class));
    /** True while showing gates someone else set on the engine: nothing is sent back to it. */
    private boolean showingGates;

    public GatesViewModel(LabPort live) {
        mode.addListener((o, a, m) -> {
            if (!showingGates) live.setMode(m);
        });
        breakpoints.addListener((SetChangeListener<Stage>) c -> {
            if (!showingGates) live.setBreakpoints(breakpoints.isEmpty() ? EnumSet.noneOf(Stage.class) : EnumSet.copyOf(breakpoints));
            if (!breakpoints.isEmpty() && mode.get() == GateMode.RUN) mode.set(GateMode.BREAKPOINTS);
            if (breakpoints.isEmpty() && mode.get() == GateMode.BREAKPOINTS) mode.set(GateMode.RUN);
        });
    }

    /** What the status line says when the mode changes. */
    public static String modeMessage(GateMode m) {
        switch (m) {
            case STEP: return T.get("mode.STEP.message");
            case BREAKPOINTS: return T.get("mode.BREAKPOINTS.message");
            default: return T.get("mode.RUN.message");
        }
    }

    /** "Run", "Step", "Breakpoints". */
    public static String modeName(GateMode m) {
        return T.get("mode." + m.name());
    }

    /** The engine's gates were set by someone else (a lesson): the controls show it, nothing is sent back. */
    public void showGates(GateMode m, Set<Stage> stages) {
        showingGates = true;
        try {
            breakpoints.retainAll(stages);
            breakpoints.addAll(stages);
            mode.set(m);
        } finally {
            showingGates = false;
        }
    }

    /** Ctrl+T: Step mode on, or off again (back to Run, or to the breakpoints that are set). */
    public void toggleStepMode() {
        if (mode.get() != GateMode.STEP) mode.set(GateMode.STEP);
        else mode.set(breakpoints.isEmpty() ? GateMode.RUN : GateMode.BREAKPOINTS);
    }

    public void toggleBreakpoint(Stage s) {
        if (!breakpoints.remove(s)) breakpoints.add(s);
    }

    public ObjectProperty<GateMode> modeProperty() { return mode; }
    public GateMode mode() { return mode.get(); }
    public ObservableSet<Stage> breakpoints() { return breakpoints; }
}
