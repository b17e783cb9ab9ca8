package dev.roundtrip.ui.shell;

import java.util.Locale;
import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;

/**
 * Every projector case of {@link ProjectorLayoutFxTest} with the window in German, the longest of the
 * four languages (about a third longer than English): nothing may be cut to "…" or leave the window
 * at 1280x720 and 1024x768 either.
 */
class ProjectorLayoutGermanFxTest extends ProjectorLayoutFxTest {
    @Override
    @Start
    void start(Stage stage) {
        super.start(stage); // TestFX looks for @Start on the test class itself
    }

    @Override
    Locale language() {
        return Locale.GERMAN;
    }
}
