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
    private RecordingSessions recordings;

    /** Opens the app on a freshly started lab (the server starts off the FX thread, in init). */
    public static void launchLive() {
        portFactory = LiveLabPort::start;
        Application.launch(RoundtripApp.class);
    }

    public static void setPortFactory(Supplier<LabPort> factory) {
        portFactory = factory;
    }

    @Override
    public void init() {
        port = portFactory.get();
    }

    @Override
    public void start(Stage stage) {
        MainViewModel vm = new MainViewModel(port);
        if (port instanceof LiveLabPort) {
            ((LiveLabPort) port).onError(m -> javafx.application.Platform.runLater(() -> vm.say("The engine refused: " + m)));
        }
        view = MainView.load(vm);
        recordings = RecordingSessions.install(view);
        stage.setTitle("Roundtrip: how a request travels");
        // fill the screen: a projector shows the whole window, and without a window manager
        // (Xvfb) "maximized" alone would leave the default size
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setScene(view.scene(screen.getWidth(), screen.getHeight()));
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        stage.setMinWidth(1000);
        stage.setMinHeight(700);
        stage.setMaximized(true);
        stage.show();
        view.start();
        recordings.startAutosave();
    }

    @Override
    public void stop() {
        if (view != null) view.stop();
        if (recordings != null) recordings.close();
        if (port != null) port.close();
    }
}
