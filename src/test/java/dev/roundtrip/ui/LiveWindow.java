package dev.roundtrip.ui;

import dev.roundtrip.ui.shell.LiveLabPort;
import dev.roundtrip.ui.shell.MainView;
import dev.roundtrip.ui.shell.MainViewModel;
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
        MonocleScreen.set(width, height);
        stage.setX(0);
        stage.setY(0);
        return show(stage, width, height, beforeShow);
    }

    private static LiveWindow show(Stage stage, double width, double height, Consumer<MainView> beforeShow) {
        LiveLabPort port = LiveLabPort.start();
        MainViewModel vm = new MainViewModel(port);
        MainView view = MainView.load(vm);
        beforeShow.accept(view);
        stage.setScene(view.scene(width, height));
        stage.show();
        view.start();
        return new LiveWindow(port, vm, view);
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
