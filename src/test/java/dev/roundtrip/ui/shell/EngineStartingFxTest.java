package dev.roundtrip.ui.shell;

import static dev.roundtrip.ui.FxWait.fx;
import static dev.roundtrip.ui.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.lesson.LessonLibrary;
import dev.roundtrip.ui.TempHome;
import dev.roundtrip.ui.lessons.LessonPanelViewModel;
import dev.roundtrip.ui.util.Language;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The app's window shows while its engine is still starting (the test holds the engine back):
 * it says so, and what the user does meanwhile waits for the engine and then happens.
 */
@ExtendWith(ApplicationExtension.class)
class EngineStartingFxTest {
    @TempDir
    Path home;
    private TempHome userHome;
    private Stage stage;
    private RoundtripApp app;
    private final CompletableFuture<LiveLabPort> engine = new CompletableFuture<>();
    private final StartingLabPort port = new StartingLabPort(engine);

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() {
        fx(() -> {
            if (app != null) app.stop();
            stage.hide();
            Language.use(Locale.ENGLISH);
        });
        if (userHome != null) userHome.restore();
    }

    /** What the launcher does: init off the FX thread, then start on it; the engine is not there yet. */
    private MainView showWhileTheEngineStarts() {
        userHome = TempHome.use(home);
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH); // the app's language follows the system's (none is saved in this home)
        RoundtripApp.setPortFactory(() -> port);
        try {
            app = new RoundtripApp();
            app.init();
        } finally {
            Locale.setDefault(before);
        }
        fx(() -> app.start(stage));
        return fx(() -> app.view());
    }

    private static String status(MainView v) {
        return ((Label) v.root().lookup("#statusLabel")).getText();
    }

    @Test
    void theWindowShowsWhileTheEngineStartsAndASendMadeThenGoesOutOnceItIsUp() throws Exception {
        MainView v = showWhileTheEngineStarts();
        assertThat(fx(stage::isShowing)).isTrue();
        assertThat(fx(() -> status(v))).startsWith("Server starting…");
        assertThat(fx(() -> v.menuBar().getMenus().stream().map(Menu::getId).toList())).as("the whole menu bar is there")
                .contains("lessonsMenu");
        Button send = fx(() -> (Button) v.root().lookup("#sendButton"));
        assertThat(fx(send::isDisabled)).as("Send is offered while the engine starts").isFalse();

        fx(send::fire);
        assertThat(fx(() -> v.viewModel().messageProperty().get())).contains("waits for the server");
        assertThat(fx(() -> v.viewModel().exchanges().size())).isZero();

        LiveLabPort live = LiveLabPort.start();
        engine.complete(live);
        waitUntil("the status names the engine's port", () -> status(v).startsWith("Server on 127.0.0.1:" + live.lab().port()));
        waitUntil("the early send is listed with its answer", () -> v.viewModel().exchanges().size() == 1
                && v.viewModel().exchanges().get(0).status().equals("200"));
        waitUntil("the live session is autosaved once there is an engine", () -> app.recordings().autosave() != null);
    }

    @Test
    void aLessonOpenedWhileTheEngineStartsRunsOnceItIsUp() throws Exception {
        MainView v = showWhileTheEngineStarts();
        LessonPanelViewModel lessons = fx(() -> v.lessons().viewModel());
        assertThat(fx(lessons::canRun)).as("lessons are offered while the engine starts").isTrue();
        var lesson = LessonLibrary.load(Locale.ENGLISH).lessons().get(0);
        CompletableFuture<?> opened = fx(() -> lessons.open(lesson));
        assertThat(opened).isNotDone();

        engine.complete(LiveLabPort.start());
        waitUntil("the lesson is open on the engine", () -> lessons.openProperty().get() && lessons.lessonIdProperty().get().equals(lesson.id()));
        assertThat(fx(lessons.problemProperty()::get)).isEmpty();
    }

    @Test
    void anEngineThatCannotStartIsSaidInTheStatusAndTheMessage() {
        MainView v = showWhileTheEngineStarts();
        engine.completeExceptionally(new java.io.UncheckedIOException("The embedded server could not start: Address already in use",
                new java.io.IOException("Address already in use")));
        waitUntil("the status says the server did not start", () -> status(v).startsWith("The server did not start:"));
        assertThat(fx(() -> v.viewModel().messageProperty().get())).contains("Address already in use");
    }
}
