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
        LiveLabPort port = LiveLabPort.start();
        MainViewModel vm = new MainViewModel(port);
        MainView view = MainView.load(vm);
        beforeShow.accept(view);
        stage.setScene(view.scene(1280, 800));
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
