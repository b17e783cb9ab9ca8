package dev.roundtrip.ui.shell;

import dev.roundtrip.record.Recording;
import dev.roundtrip.ui.recordings.RecordingSessions;
import dev.roundtrip.ui.util.BackgroundTasks;
import dev.roundtrip.ui.util.Language;
import java.time.Instant;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.stage.Stage;

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
        // the engine (server, H2) starts while the JavaFX toolkit starts: the first frame comes sooner
        BackgroundTasks starter = BackgroundTasks.serial("engine-start");
        java.util.concurrent.CompletableFuture<LabPort> early = starter.supply(LiveLabPort::start);
        starter.close(0); // the thread ends once the engine is up
        portFactory = early::join;
        Application.launch(RoundtripApp.class);
    }

    /** Set by {@link #launchSmoke}: print the time to the first frame, then quit. */
    private static volatile String smoke;

    /** Like {@link #launchLive}, but quits after the first frame and prints how long it took. */
    public static void launchSmoke(boolean headless) {
        smoke = headless ? "headless (Monocle, software rendering)" : "on display " + System.getenv("DISPLAY");
        launchLive();
    }

    public static void setPortFactory(Supplier<LabPort> factory) {
        portFactory = factory;
    }

    private long initMillis;
    /** Milliseconds since JVM start at each step to the first frame, printed by --smoke. */
    private final StringBuilder steps = new StringBuilder();

    private void mark(String step) {
        long since = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        // the thread's own CPU time as well: on a shared machine it moves far less than the clock
        long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
        steps.append(steps.length() == 0 ? "" : ", ").append(step).append(' ').append(since).append(" (cpu ").append(cpu).append(')');
    }

    /** The window's controls, loaded in {@link #init} while the engine starts; null when that failed. */
    private MainView unbound;

    @Override
    public void init() {
        mark("toolkit");
        Language.use(LanguageSetting.forUser().startLanguage(java.util.Locale.getDefault()));
        // JavaFX's own words (a dialog's OK and Cancel, a text field's menu) follow the JVM's locale, read
        // once when first used: set before any is; files for machines never depend on it (explicit locales)
        java.util.Locale.setDefault(dev.roundtrip.text.Texts.locale());
        // the FXML is read on this thread while the engine starts on its own: the two no longer add up
        try {
            unbound = MainView.loadUnbound();
        } catch (RuntimeException e) {
            System.err.println("The window is built on the FX thread instead: " + e);
        }
        mark("loaded");
        long t0 = System.currentTimeMillis();
        port = portFactory.get();
        initMillis = System.currentTimeMillis() - t0;
        mark("engine");
    }

    @Override
    public void start(Stage stage) {
        mark("start");
        MainViewModel vm = new MainViewModel(port);
        if (port instanceof LiveLabPort) {
            ((LiveLabPort) port).onError(m -> javafx.application.Platform.runLater(() -> vm.say(MainView.T.get("engine.refused", m))));
        }
        view = unbound != null ? unbound.bind(vm) : MainView.load(vm);
        unbound = null;
        mark("view");
        recordings = RecordingSessions.install(view);
        Language.bind(stage.titleProperty(), MainView.T, "window.title");
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
        mark("shown");
        view.start();
        recordings.startAutosave();
        if (smoke != null) afterFirstFrame(() -> quit(stage));
        // the engine's warm-up waits for the first frame: on two cores the two would slow each other down
        else if (port instanceof LiveLabPort live) afterFirstFrame(live::beginWarmup);
    }

    private static void afterFirstFrame(Runnable r) {
        new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                javafx.application.Platform.runLater(r); // runs once this pulse (layout and render) is over
            }
        }.start();
    }

    /** --smoke: prints how long the first frame took, then quits. */
    private void quit(Stage stage) {
        long sinceStart = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        mark("frame");
        System.out.println("first frame " + sinceStart + " ms after JVM start, " + smoke + "; waited "
                + initMillis + " ms for the engine; window " + (int) stage.getWidth() + "x" + (int) stage.getHeight()
                + "; ms since JVM start (and the thread's CPU ms): " + steps);
        javafx.application.Platform.exit();
    }

    @Override
    public void stop() {
        if (view != null) view.stop();
        if (recordings != null) recordings.close();
        if (port != null) port.close();
    }
}
