package dev.roundtrip.ui;

import dev.roundtrip.ui.recordings.RecordingSessions;
import dev.roundtrip.ui.shell.LiveLabPort;
import dev.roundtrip.ui.util.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The main window on a real lab, shown at a screen's size (a projector's) for one test and closed after
 * it: {@code @RegisterExtension final WindowOnScreen shown = new WindowOnScreen();}, then
 * {@code shown.show(stage, 1280, 720)}. Each test gets a {@code roundtrip.home} of its own; afterwards the
 * window, its recording sessions and the lab are closed, and Monocle's screen, the language and
 * {@code roundtrip.home} are put back.
 */
public final class WindowOnScreen implements BeforeEachCallback, AfterEachCallback {
    private Path home;
    private TempHome homeBefore;
    private Stage stage;
    private LiveWindow window;
    private RecordingSessions recordings;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        home = Files.createTempDirectory("roundtrip-home");
        homeBefore = TempHome.use(home);
    }

    public LiveWindow show(Stage stage, int width, int height) {
        return show(stage, width, height, Locale.ENGLISH);
    }

    /** Shows the window on {@code stage} at {@code width}x{@code height} in {@code language}, with its recording sessions. */
    public LiveWindow show(Stage stage, int width, int height, Locale language) {
        if (window != null) throw new IllegalStateException("one window per test");
        this.stage = stage;
        LiveLabPort port = LiveLabPort.start(); // off the FX thread: a cold start on a loaded machine takes seconds
        try {
            window = FxWait.fx(() -> {
                Language.use(language);
                return LiveWindow.onScreen(stage, width, height, port, v -> recordings = RecordingSessions.install(v));
            });
        } catch (RuntimeException | AssertionError e) {
            port.close();
            throw e;
        }
        return window;
    }

    /** The shown window's recording sessions (autosave, captures, the compare window). */
    public RecordingSessions recordings() {
        return recordings;
    }

    /** This test's {@code roundtrip.home}. */
    public Path home() {
        return home;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            if (window != null) window.close(stage::hide, () -> { if (recordings != null) recordings.close(); });
            FxWait.fx(MonocleScreen::reset);
            FxWait.fx(() -> Language.use(Locale.ENGLISH));
        } finally {
            window = null;
            recordings = null;
            homeBefore.restore();
            deleteQuietly(home);
        }
    }

    /** A leftover file in a temp dir must not fail the test that left it. */
    private static void deleteQuietly(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // the OS cleans its temp dir
        }
    }
}
