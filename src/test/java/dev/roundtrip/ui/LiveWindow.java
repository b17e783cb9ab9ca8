package dev.roundtrip.ui;

import dev.roundtrip.ui.shell.LiveLabPort;
import dev.roundtrip.ui.shell.MainView;
import dev.roundtrip.ui.shell.MainViewModel;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.StageEvent;
import dev.roundtrip.ui.diagram.DiagramScript;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.stage.Stage;

/** The main window on a real lab, shown on a TestFX stage, and its orderly teardown. */
public final class LiveWindow {
    public final LiveLabPort port;
    public final MainViewModel vm;
    public final MainView view;

    private LiveWindow(LiveLabPort port, MainViewModel vm, MainView view) {
        this.port = port;
        this.vm = vm;
        this.view = view;
    }

    public static LiveWindow show(Stage stage) {
        return show(stage, view -> {});
    }

    /** Shows the window; {@code beforeShow} installs extras on the loaded view before it is on screen. */
    public static LiveWindow show(Stage stage, Consumer<MainView> beforeShow) {
        return show(stage, 1280, 800, beforeShow);
    }

    /** Shows the window at {@code width}x{@code height}, the size of Monocle's screen too (a projector). */
    public static LiveWindow onScreen(Stage stage, int width, int height, Consumer<MainView> beforeShow) {
        return onScreen(stage, width, height, LiveLabPort.start(), beforeShow);
    }

    /** The same on a lab already started (off the FX thread, see {@link WindowOnScreen}). */
    static LiveWindow onScreen(Stage stage, int width, int height, LiveLabPort port, Consumer<MainView> beforeShow) {
        MonocleScreen.set(width, height);
        stage.setX(0);
        stage.setY(0);
        return show(stage, width, height, port, beforeShow);
    }

    private static LiveWindow show(Stage stage, double width, double height, Consumer<MainView> beforeShow) {
        return show(stage, width, height, LiveLabPort.start(), beforeShow);
    }

    private static LiveWindow show(Stage stage, double width, double height, LiveLabPort port, Consumer<MainView> beforeShow) {
        MainViewModel vm = new MainViewModel(port);
        MainView view = MainView.load(vm);
        beforeShow.accept(view);
        stage.setScene(view.scene(width, height));
        stage.show();
        view.start();
        return new LiveWindow(port, vm, view);
    }

    /**
     * Waits until the selected exchange is drawn whole and shown at its end, as a user who pressed End
     * once it finished sees it. Every stage that began must have ended first: a server's respond can end
     * after the client has interpreted the answer (its write completes later), and the window learns of
     * such a late event on a later frame, so End is pressed again until the diagram has it.
     */
    public void showWholeExchangeAtItsEnd() {
        FxWait.waitUntil("the shown exchange drawn whole, at its end", () -> {
            Exchange x = vm.selected().orElse(null);
            if (x == null || !everyStageEnded(x)) return false;
            vm.refresh();
            vm.playback().playingProperty().set(false);
            vm.playback().toEnd();
            view.renderNow(System.nanoTime());
            return vm.scriptProperty().get().equals(DiagramScript.of(x, vm.recording().exchanges())) && vm.playback().atEnd();
        });
    }

    /**
     * Whether the client has ended {@code x} and every stage that began (on either side) has ended: the
     * client's outcome alone comes before the server's respond END when that write completes late.
     */
    public static boolean everyStageEnded(Exchange x) {
        if (x.outcome() == Outcome.PENDING) return false;
        Map<List<Object>, Integer> open = new HashMap<>();
        for (StageEvent e : x.events()) {
            List<Object> key = List.of(e.stage(), e.actor());
            if (e.phase() == Phase.BEGIN) open.merge(key, 1, Integer::sum);
            if (e.phase() == Phase.END || e.phase() == Phase.ERROR) open.merge(key, -1, Integer::sum);
        }
        return open.values().stream().allMatch(n -> n <= 0);
    }

    public void close() {
        close(() -> {}, () -> {});
    }

    /** Stops the view (and {@code alsoOnFx}) on the FX thread, runs {@code beforeLab}, then closes the lab. */
    public void close(Runnable alsoOnFx, Runnable beforeLab) {
        FxWait.fx(() -> {
            view.stop();
            alsoOnFx.run();
        });
        beforeLab.run();
        port.close();
    }
}
