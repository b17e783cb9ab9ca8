package dev.roundtrip.ui;

import java.time.Instant;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.stage.Stage;
import dev.roundtrip.record.Recording;

/**
 * The desktop app. Started through {@code dev.roundtrip.Launcher} (a class extending Application
 * cannot be the main class on a plain classpath). The engine is started in {@link #init}, which
 * runs off the FX thread.
 */
public final class RoundtripApp extends Application {
    /** How the app gets its engine; replaced by tests and by the launcher. */
    static volatile Supplier<LabPort> portFactory = () -> new ReplayPort(new Recording(Instant.now()), "an empty session");

    private LabPort port;
    private MainView view;

    public static void setPortFactory(Supplier<LabPort> factory) {
        portFactory = factory;
    }

    @Override
    public void init() {
        port = portFactory.get();
    }

    @Override
    public void start(Stage stage) {
        view = MainView.load(new MainViewModel(port));
        stage.setTitle("Roundtrip: how a request travels");
        stage.setScene(view.scene(1600, 960));
        stage.setMinWidth(1000);
        stage.setMinHeight(700);
        stage.setMaximized(true);
        stage.show();
        view.start();
    }

    @Override
    public void stop() {
        if (view != null) view.stop();
        if (port != null) port.close();
    }
}
