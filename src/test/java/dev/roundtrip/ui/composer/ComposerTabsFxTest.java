package dev.roundtrip.ui.composer;

import static dev.roundtrip.ui.FxWait.fx;
import static dev.roundtrip.ui.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.ui.LiveWindow;
import dev.roundtrip.ui.access.ControlNames;
import java.nio.charset.StandardCharsets;
import javafx.scene.Node;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The composer's Body and Raw tabs get their text areas when first shown, on a real lab: until then
 * nothing of them is on screen; once shown they hold what the composer holds, have their names for a
 * screen reader and their way out for Tab, and what is typed there is what is sent.
 */
@ExtendWith(ApplicationExtension.class)
class ComposerTabsFxTest {
    private LiveWindow window;

    @Start
    void start(javafx.stage.Stage stage) {
        window = LiveWindow.show(stage);
    }

    @AfterEach
    void stop() {
        window.close();
    }

    private static TextArea onScreen(FxRobot robot, String id) {
        return fx(() -> robot.lookup(id).tryQuery().filter(Node::isVisible).map(TextArea.class::cast).orElse(null));
    }

    @Test
    void theBodyTabIsBuiltWhenFirstShownAndSendsWhatIsTypedThere(FxRobot robot) {
        assertThat(onScreen(robot, "#bodyArea")).as("the Body tab is not built before it is shown").isNull();
        assertThat(onScreen(robot, "#rawArea")).isNull();
        // the echo preset fills the body while its tab is not built yet
        robot.clickOn("#preset-echo");
        robot.clickOn("#bodyTab");
        waitUntil("the body's text area is on screen", () -> onScreen(robot, "#bodyArea") != null);
        TextArea body = onScreen(robot, "#bodyArea");
        assertThat(fx(() -> body.getText())).isEqualTo("Hello, echo!");
        assertThat(fx(body::getPromptText)).isEqualTo(Preset.T.get("body.prompt"));
        waitUntil("a screen reader names it", () -> fx(() -> ControlNames.spokenName(body)).equals("Request body"));

        robot.clickOn(body);
        fx(() -> body.selectAll());
        robot.write("ping 42");
        waitUntil("the typed body is the composer's", () -> "ping 42".equals(fx(() -> window.vm.composer().bodyProperty().get())));
        robot.type(KeyCode.TAB);
        assertThat(fx(() -> body.getText())).as("Tab leaves the area instead of typing a tab").isEqualTo("ping 42");
        assertThat(fx(body::isFocused)).isFalse();

        robot.clickOn("#sendButton");
        waitUntil("the exchange settled", () -> window.vm.recording().exchanges().size() == 1
                && window.vm.recording().exchanges().get(0).outcome() != Outcome.PENDING);
        Exchange x = window.vm.recording().exchanges().get(0);
        assertThat(x.request().method()).isEqualTo("POST");
        assertThat(new String(x.request().body(), StandardCharsets.UTF_8)).isEqualTo("ping 42");
    }

    @Test
    void rawModeBuildsTheRawTabWithTheComposersBytesAndItsName(FxRobot robot) {
        robot.clickOn("#preset-malformed");
        waitUntil("raw mode shows the raw tab's area", () -> onScreen(robot, "#rawArea") != null);
        TextArea raw = onScreen(robot, "#rawArea");
        assertThat(fx(() -> raw.getText())).isEqualTo(fx(() -> window.vm.composer().rawTextProperty().get())).startsWith("GET /users/1");
        assertThat(fx(() -> raw.getStyleClass())).contains("mono");
        waitUntil("a screen reader names it", () -> fx(() -> ControlNames.spokenName(raw)).equals("Raw request bytes"));
    }
}
