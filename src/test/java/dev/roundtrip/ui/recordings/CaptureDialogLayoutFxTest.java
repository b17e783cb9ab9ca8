package dev.roundtrip.ui.recordings;

import static dev.roundtrip.ui.FxWait.fx;
import static dev.roundtrip.ui.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.ui.LayoutCheck;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import dev.roundtrip.ui.WindowOnScreen;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** File → Capture…: its labels are shown whole in every language (German's "Clients verbinden sich mit Port" was cut to "mi…"). */
@ExtendWith(ApplicationExtension.class)
class CaptureDialogLayoutFxTest {
    @RegisterExtension
    final WindowOnScreen display = new WindowOnScreen();
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
    }

    @AfterEach
    void closeTheDialog() {
        fx(() -> {
            for (Window w : Window.getWindows().toArray(new Window[0])) if (w != owner && w.isShowing()) w.hide();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de", "fr", "es"})
    void everyLabelOfTheCaptureDialogIsShownWhole(String language) {
        display.show(owner, 1024, 768, Locale.forLanguageTag(language)); // the app's window and theme, which the dialog takes its style from
        Platform.runLater(() -> CaptureDialog.ask(owner, new CaptureViewModel())); // showAndWait: runs its own loop
        waitUntil("the dialog is showing", () -> dialog().isPresent());
        Window d = dialog().orElseThrow();
        assertThat(fx(() -> LayoutCheck.problems(d.getScene()))).as("layout problems in " + language).isEmpty();
    }

    private Optional<Window> dialog() {
        return fx(() -> Window.getWindows().stream().filter(w -> w != owner && w.isShowing() && w.getScene() != null
                && w.getScene().getRoot() instanceof DialogPane).findFirst());
    }
}
