package dev.roundtrip.ui.shell;

import dev.roundtrip.record.Recording;
import dev.roundtrip.text.Texts;
import dev.roundtrip.ui.recordings.RecordingSessions;
import dev.roundtrip.ui.util.BackgroundTasks;
import dev.roundtrip.ui.util.Language;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The desktop app. Started through {@code dev.roundtrip.Launcher} (a class extending Application
 * cannot be the main class on a plain classpath). The window's FXML is loaded in {@link #init}, off
 * the FX thread; the window shows without waiting for the engine, which starts once it is drawn.
 */
public final class RoundtripApp extends Application {
    /** How the app gets its engine; replaced by tests and by the launcher. */
    static volatile Supplier<LabPort> portFactory = () -> new ReplayPort(new Recording(Instant.now()), Texts.get("dev.roundtrip.ui.recordings.Texts", "session.empty"));

    private LabPort port;
    private MainView view;
    private RecordingSessions recordings;

    /**
     * Opens the app on a lab that starts once the window is drawn, on a thread of its own: the window
     * does not wait for it ({@link StartingLabPort}: what is sent meanwhile waits for the engine).
     */
    public static void launchLive() {
        CompletableFuture<LiveLabPort> engine = new CompletableFuture<>();
        StartingLabPort port = new StartingLabPort(engine);
        pendingEngine = engine;
        portFactory = () -> port;
        Application.launch(RoundtripApp.class);
    }

    /** The engine {@link #launchLive} asks the window to start once it is drawn; null when the port came ready. */
    private static volatile CompletableFuture<LiveLabPort> pendingEngine;

    /** Starts the lab on a thread of its own and completes {@code engine} with it, or with why it could not start. */
    private static void startEngine(CompletableFuture<LiveLabPort> engine) {
        BackgroundTasks starter = BackgroundTasks.serial("engine-start");
        starter.supply(() -> {
            LiveLabPort live = LiveLabPort.start();
            engineUp = since() + " (cpu " + threadCpu() + ")";
            return live;
        }).whenComplete((live, e) -> {
            if (e != null) engine.completeExceptionally(e);
            else engine.complete(live);
        });
        starter.close(0); // the thread ends once the engine is up
    }

    /** When the engine was up (ms since JVM start, and its thread's CPU ms), for --smoke. */
    private static volatile String engineUp = "never";

    /** Set by {@link #launchSmoke}: print the time to the first frame, then quit. */
    private static volatile String smoke;

    private static volatile int smokeExit;

    /**
     * Like {@link #launchLive}, but quits once the first frame is drawn and the engine is up, and prints
     * how long each took. Returns the exit code: 1 when the engine could not start.
     */
    public static int launchSmoke(boolean headless) {
        smoke = headless ? "headless (Monocle, software rendering)" : "on display " + System.getenv("DISPLAY");
        launchLive();
        return smokeExit;
    }

    public static void setPortFactory(Supplier<LabPort> factory) {
        portFactory = factory;
    }

    MainView view() { return view; }
    RecordingSessions recordings() { return recordings; }

    /** Milliseconds since JVM start at each step to the first frame, printed by --smoke. */
    private final StringBuilder steps = new StringBuilder();

    private void mark(String step) {
        // the thread's own CPU time as well: on a shared machine it moves far less than the clock
        steps.append(steps.length() == 0 ? "" : ", ").append(step).append(' ').append(since()).append(" (cpu ").append(threadCpu()).append(')');
    }

    private static long since() {
        return System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    private static long threadCpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
    }

    /** The window's controls, loaded in {@link #init}; null when that failed. */
    private MainView unbound;

    @Override
    public void init() {
        mark("toolkit");
        Language.use(LanguageSetting.forUser().startLanguage(dev.roundtrip.text.SystemLanguage.now()));
        // JavaFX's own words (a dialog's OK and Cancel, a text field's menu) follow the JVM's locale, read
        // once when first used: set before any is; files for machines never depend on it (explicit locales)
        java.util.Locale.setDefault(dev.roundtrip.text.Texts.locale());
        // the FXML is read on this thread, beside the toolkit's own start on the FX thread
        try {
            unbound = MainView.loadUnbound();
        } catch (RuntimeException e) {
            System.err.println("The window is built on the FX thread instead: " + e);
        }
        mark("loaded");
        port = portFactory.get();
    }

    @Override
    public void start(Stage stage) {
        mark("start");
        MainViewModel vm = new MainViewModel(port);
        java.util.function.Consumer<String> refused = m -> Platform.runLater(() -> vm.say(MainView.T.get("engine.refused", m)));
        if (port instanceof LiveLabPort live) live.onError(refused);
        if (port instanceof StartingLabPort starting) starting.onError(refused);
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
        if (port instanceof StartingLabPort starting) {
            // autosave keeps the engine's recording: it begins once there is one
            starting.whenStarted(() -> Platform.runLater(() -> engineStarted(vm, starting)));
        } else {
            recordings.startAutosave();
        }
        // the engine starts once the window is drawn: on two cores its start (TLS context, H2, Netty) held the
        // first frame back by more than it takes; what is sent meanwhile waits for it
        CompletableFuture<LiveLabPort> engine = pendingEngine;
        if (engine != null) afterFirstFrame(() -> startEngine(engine));
        if (smoke != null) afterFirstFrame(this::firstFrame);
        // the engine's warm-up waits for the first frame: on two cores the two would slow each other down
        else if (port instanceof StartingLabPort starting) afterFirstFrame(starting::beginWarmup);
        else if (port instanceof LiveLabPort live) afterFirstFrame(live::beginWarmup);
    }

    private void engineStarted(MainViewModel vm, StartingLabPort starting) {
        vm.engineChanged();
        java.util.Optional<String> failure = starting.failure();
        if (failure.isPresent()) vm.say(MainView.T.get("port.failed", failure.get()));
        else if (recordings != null) recordings.startAutosave();
        if (smoke != null && firstFrame != null) quit();
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

    /** --smoke: what the first frame printed; it quits once the engine is up too. */
    private String firstFrame;
    private boolean quitting;

    private void firstFrame() {
        long at = since();
        mark("frame");
        Stage stage = (Stage) view.root().getScene().getWindow();
        firstFrame = "first frame " + at + " ms after JVM start, " + smoke + "; window " + (int) stage.getWidth() + "x"
                + (int) stage.getHeight() + "; ms since JVM start (and the thread's CPU ms): " + steps;
        if (!port.starting()) quit();
    }

    /** --smoke: prints how long the first frame and the engine took, then quits (1 when the engine did not start). */
    private void quit() {
        if (quitting) return;
        quitting = true;
        System.out.println(firstFrame + "; engine up " + engineUp + " on a thread of its own");
        if (port instanceof StartingLabPort starting && starting.failure().isPresent()) {
            System.out.println("the engine did not start: " + starting.failure().get());
            smokeExit = 1;
        }
        Platform.exit();
    }

    @Override
    public void stop() {
        if (view != null) view.stop();
        if (recordings != null) recordings.close();
        if (port != null) port.close();
    }
}
