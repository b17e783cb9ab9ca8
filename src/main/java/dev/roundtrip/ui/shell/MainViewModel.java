package dev.roundtrip.ui.shell;

import dev.roundtrip.gate.GateMode;
import dev.roundtrip.record.Recording;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.ui.composer.ComposedRequest;
import dev.roundtrip.ui.composer.ComposerViewModel;
import dev.roundtrip.ui.diagram.DiagramScript;
import dev.roundtrip.ui.diagram.DiagramStep;
import dev.roundtrip.ui.diagram.VisibleTime;
import dev.roundtrip.ui.exchanges.ExchangeListViewModel;
import dev.roundtrip.ui.exchanges.ExchangeRow;
import dev.roundtrip.ui.export.Theme;
import dev.roundtrip.ui.gates.GatesViewModel;
import dev.roundtrip.ui.inspector.InspectorViewModel;
import dev.roundtrip.ui.playback.PlaybackViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

/**
 * The whole window's state. It reads the recording once per frame, and only when the recording's
 * version changed ({@link #frame}); the engine never calls into it.
 */
public final class MainViewModel {
    private static final dev.roundtrip.text.Texts.Bundle T = dev.roundtrip.text.Texts.of("dev.roundtrip.ui.shell.Texts");
    public static final double MIN_ZOOM = 0.5;
    public static final double MAX_ZOOM = 3.0;
    public static final double ZOOM_STEP = 1.15;

    /** The port the app was started with: the live engine that Send, modes and breakpoints go to. */
    private final LabPort home;
    /** The session on screen: the live one, or an opened recording (see {@link #show}). */
    private LabPort port;
    private final ReadOnlyObjectWrapper<LabPort> shown = new ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyBooleanWrapper replaying = new javafx.beans.property.ReadOnlyBooleanWrapper(false);
    private final ComposerViewModel composer = new ComposerViewModel();
    private final PlaybackViewModel playback = new PlaybackViewModel();
    private final InspectorViewModel inspector = new InspectorViewModel();
    private final ExchangeListViewModel exchangeList = new ExchangeListViewModel();
    private final GatesViewModel gates;
    private final ReadOnlyLongWrapper selectedId = new ReadOnlyLongWrapper(-1);
    private final ReadOnlyObjectWrapper<DiagramScript> script = new ReadOnlyObjectWrapper<>(DiagramScript.EMPTY);
    private final DoubleProperty zoom = new SimpleDoubleProperty(1);
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final javafx.beans.property.BooleanProperty presenter = new javafx.beans.property.SimpleBooleanProperty(false);
    /** A lesson step points at a readout tab: presenter view shows the inspector beside the diagram then. */
    private final javafx.beans.property.BooleanProperty readoutWanted = new javafx.beans.property.SimpleBooleanProperty(false);
    private final ProjectorLayout layout = new ProjectorLayout();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper stageText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(T.get("ready"));
    private long seenVersion = -1;
    /** The recording last read: a starting engine's port hands over from an empty one to the engine's. */
    private Recording seenRecording;
    private long lastFrameNanos = -1;
    private boolean followLive = true;
    private int knownExchanges;
    private long probedFor = -1;
    private Stage probedStage;

    public MainViewModel(LabPort port) {
        this.home = port;
        this.port = port;
        shown.set(port);
        replaying.set(!port.canSend());
        gates = new GatesViewModel(port);
        gates.modeProperty().addListener((o, a, m) -> {
            message.set(GatesViewModel.modeMessage(m));
            updateStatus();
        });
        zoom.addListener((o, a, z) -> {
            double c = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z.doubleValue()));
            if (c != z.doubleValue()) zoom.set(c);
        });
        playback.currentStepProperty().addListener((o, a, b) -> updateInspector());
        updateStatus();
    }

    /**
     * Puts another session on screen (an opened recording, or back to live) through the same view
     * code: the list, diagram, playback and inspector now read {@code p}'s recording. The live engine
     * keeps running and recording meanwhile; Send, modes and breakpoints stay with it.
     */
    public void show(LabPort p) {
        if (p == port) return;
        port = p;
        replaying.set(p != home || !p.canSend());
        exchangeList.clear();
        knownExchanges = 0;
        followLive = p.growsLive();
        probedFor = -1;
        probedStage = null;
        inspector.forget();
        selectedId.set(-1);
        script.set(DiagramScript.EMPTY);
        seenRecording = p.recording();
        seenVersion = seenRecording.version();
        refresh();
        redrawSelected(true);
        shown.set(p);
        updateStatus();
    }

    /** Called once per animation frame with the frame's time stamp in ns. */
    public void frame(long nowNanos) {
        Recording r = port.recording();
        long version = r.version();
        if (version != seenVersion || r != seenRecording) {
            seenVersion = version;
            if (r != seenRecording) updateStatus();
            seenRecording = r;
            refresh();
        }
        double elapsed = lastFrameNanos < 0 ? 0 : (nowNanos - lastFrameNanos) / 1e6;
        lastFrameNanos = nowNanos;
        playback.tick(Math.min(elapsed, 100)); // a stalled frame must not skip a whole step
        updateInspector();
        stageText.set(stageText());
    }

    /** "Stage 2/5: parse", or "held before parse" while the engine holds the shown exchange. */
    private String stageText() {
        DiagramScript s = script.get();
        int i = playback.currentStep();
        if (s.heldBefore() != null && (i < 0 || playback.atEnd())) return T.get("stage.held", s.heldBefore().wireName());
        if (i < 0 || i >= s.steps().size()) return "";
        return T.get("stage.shown", i + 1, s.steps().size(), s.steps().get(i).stage().wireName());
    }

    /** Re-reads the recording: the list, the selected exchange's diagram and readouts. */
    public void refresh() {
        List<Exchange> all = port.recording().exchanges();
        exchangeList.update(all);
        if (all.size() > knownExchanges && followLive) {
            knownExchanges = all.size();
            select(all.get(all.size() - 1).id());
            return;
        }
        knownExchanges = all.size();
        redrawSelected(false);
        inspector.showHistory(all);
    }

    /** Shows one exchange from its start. Selecting the newest follows new exchanges again. */
    public void select(long id) {
        List<Exchange> all = port.recording().exchanges();
        followLive = !all.isEmpty() && all.get(all.size() - 1).id() == id;
        if (id == selectedId.get()) {
            redrawSelected(false);
            return;
        }
        selectedId.set(id);
        redrawSelected(true);
        inspector.showHistory(all);
    }

    private void redrawSelected(boolean fromStart) {
        Optional<Exchange> x = selected();
        // an HTTP/2 exchange's diagram reads its connection's other streams too
        DiagramScript s = x.map(e -> DiagramScript.of(e, port.recording().exchanges())).orElse(DiagramScript.EMPTY);
        if (!s.equals(script.get())) script.set(s);
        List<Double> visible = new ArrayList<>();
        for (DiagramStep step : s.steps()) visible.add(VisibleTime.millis(step.durationNanos()));
        if (fromStart) {
            playback.restart(visible);
            if (gates.mode() == GateMode.RUN) playback.playingProperty().set(true);
        } else {
            playback.setSteps(visible);
        }
        probeWhenHeld(s);
        inspector.forget();
        updateStatus();
        updateInspector();
    }

    /** A hold before parse or interpret keeps bytes in a kernel queue: measure them once, fresh. */
    private void probeWhenHeld(DiagramScript s) {
        Stage held = s.heldBefore();
        if (held == null || (held != Stage.PARSE && held != Stage.INTERPRET)) return;
        if (probedFor == s.exchangeId() && probedStage == held) return;
        probedFor = s.exchangeId();
        probedStage = held;
        port.probe(s.exchangeId());
    }

    private void updateInspector() {
        inspector.follow(selected().orElse(null), script.get(), playback);
    }

    public Optional<Exchange> selected() {
        return selectedId.get() < 0 ? Optional.empty() : port.recording().exchange(selectedId.get());
    }

    // --- actions ---

    public void send() {
        boolean fromReplay = false;
        if (!port.canSend()) {
            if (!home.canSend()) {
                message.set(T.get("send.replay"));
                return;
            }
            // Send always goes to the live server: leave the replay for the live session
            show(home);
            fromReplay = true;
        }
        Optional<ComposedRequest> r = composer.compose();
        if (r.isEmpty()) {
            message.set(composer.problemProperty().get());
            return;
        }
        try {
            port.send(r.get());
        } catch (IllegalArgumentException e) {
            message.set(T.get("send.refused", e.getMessage()));
            return;
        }
        followLive = true;
        if (port.starting()) {
            message.set(T.get("send.waiting", r.get().summary()));
            return;
        }
        message.set(T.get(fromReplay ? "send.doneFromReplay" : "send.done", r.get().summary(), gates.mode() == GateMode.STEP ? 1 : 0));
    }

    /** Step (→): live, releases one held stage; otherwise moves the animation one step on. */
    public void stepForward() {
        if (gates.mode() != GateMode.RUN && port.holding()) {
            Stage held = script.get().heldBefore();
            port.step();
            playback.playingProperty().set(true);
            playback.toEnd();
            message.set(held == null ? T.get("released") : T.get("released.stage", held.wireName()));
            return;
        }
        playback.stepForward();
    }

    public void stepBack() {
        playback.stepBack();
    }

    public void togglePlaying() {
        playback.togglePlaying();
    }

    public void cancelSelected() {
        long id = selectedId.get();
        if (id < 0) return;
        if (!port.canSend()) {
            message.set(T.get("cancel.replay", String.valueOf(id)));
            return;
        }
        if (selected().map(x -> x.end().isPresent()).orElse(true)) {
            message.set(T.get("cancel.ended", String.valueOf(id)));
            return;
        }
        port.cancel(id);
        message.set(T.get("cancel.done", String.valueOf(id)));
    }

    public void probeSelected() {
        long id = selectedId.get();
        if (id >= 0) port.probe(id);
    }

    /** Presenter view: the diagram alone fills the window (composer and inspector hidden). */
    public void togglePresenter() {
        presenter.set(!presenter.get());
        message.set(T.get(presenter.get() ? "presenter.on" : "presenter.off"));
    }

    public void nextTheme() { theme.set(theme.get().next()); }

    public void zoomIn() { zoom.set(zoom.get() * ZOOM_STEP); }
    public void zoomOut() { zoom.set(zoom.get() / ZOOM_STEP); }
    public void zoomReset() { zoom.set(1); }

    /**
     * The language changed: the texts this model made are made again (status, stage, the list, the
     * readouts); the last message, already said, gives way to one in the new language.
     */
    public void languageChanged() {
        composer.languageChanged();
        exchangeList.clear();
        inspector.forget();
        refresh();
        updateStatus();
        stageText.set(stageText());
        message.set(T.get("language.switched", dev.roundtrip.text.Texts.get("dev.roundtrip.text.Texts", "language.name")));
    }

    /** The live engine came up or could not start: the status says which. */
    public void engineChanged() {
        updateStatus();
    }

    public void say(String text) {
        message.set(text);
    }

    private void updateStatus() {
        StringBuilder sb = new StringBuilder(port.describe());
        sb.append("  ·  ").append(T.get("status.mode", GatesViewModel.modeName(gates.mode())));
        sb.append("  ·  ").append(T.get("status.exchanges", exchangeList.rows().size()));
        Stage held = script.get().heldBefore();
        if (held != null) sb.append("  ·  ").append(T.get("status.held", String.valueOf(script.get().exchangeId()), held.wireName()));
        long dropped = port.recording().dropped();
        if (dropped > 0) sb.append("  ·  ").append(T.get("status.dropped", dropped));
        status.set(sb.toString());
    }

    /** The port of the session on screen. */
    public LabPort port() { return port; }
    /** The live port Send, modes and breakpoints go to. */
    public LabPort livePort() { return home; }
    public ReadOnlyObjectProperty<LabPort> shownProperty() { return shown.getReadOnlyProperty(); }
    /** True while an opened recording (not the live session) is on screen. */
    public javafx.beans.property.ReadOnlyBooleanProperty replayingProperty() { return replaying.getReadOnlyProperty(); }
    public ComposerViewModel composer() { return composer; }
    public PlaybackViewModel playback() { return playback; }
    public InspectorViewModel inspector() { return inspector; }
    public ObservableList<ExchangeRow> exchanges() { return exchangeList.rows(); }
    public ExchangeListViewModel exchangeList() { return exchangeList; }
    public GatesViewModel gates() { return gates; }
    public ReadOnlyLongProperty selectedIdProperty() { return selectedId.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<DiagramScript> scriptProperty() { return script.getReadOnlyProperty(); }
    public DoubleProperty zoomProperty() { return zoom; }
    public ObjectProperty<Theme> themeProperty() { return theme; }
    public javafx.beans.property.BooleanProperty presenterProperty() { return presenter; }
    public javafx.beans.property.BooleanProperty readoutWantedProperty() { return readoutWanted; }
    public ProjectorLayout layout() { return layout; }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** What the playback bar says of the step on screen. */
    public ReadOnlyStringProperty stageTextProperty() { return stageText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public Recording recording() { return port.recording(); }
}
