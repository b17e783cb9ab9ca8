package dev.roundtrip.ui.shell;

import java.util.Locale;
import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;

/**
 * Every projector case of {@link ProjectorLayoutFxTest} in Spanish, whose words are long in other places than
 * German's (the Memory tab's "Heap tras los últimos intercambios" was cut at 1024x768).
 */
class ProjectorLayoutSpanishFxTest extends ProjectorLayoutFxTest {
    @Override
    @Start
    void start(Stage stage) {
        super.start(stage); // TestFX looks for @Start on the test class itself
    }

    @Override
    Locale language() {
        return Locale.forLanguageTag("es");
    }
}
