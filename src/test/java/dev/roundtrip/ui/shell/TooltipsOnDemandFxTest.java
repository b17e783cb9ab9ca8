package dev.roundtrip.ui.shell;

import static dev.roundtrip.ui.FxWait.fx;
import static dev.roundtrip.ui.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.ui.Fixtures;
import dev.roundtrip.ui.composer.Preset;
import dev.roundtrip.ui.util.FxmlTexts;
import dev.roundtrip.ui.util.Language;
import java.util.Locale;
import javafx.scene.AccessibleAttribute;
import javafx.scene.control.Control;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Tooltips are made when the pointer first reaches their control, not with the window: until then a
 * screen reader has the same words as the control's help, and the tooltip, once made, shows them, with
 * the key, in the language in use.
 */
@ExtendWith(ApplicationExtension.class)
class TooltipsOnDemandFxTest {
    private Stage stage;
    private MainView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        view = fx(() -> {
            MainView v = MainView.load(new MainViewModel(new ReplayPort(Fixtures.classroom(), "fixtures")));
            stage.setScene(v.scene(1280, 720));
            stage.sizeToScene();
            stage.show();
            v.start();
            return v;
        });
    }

    @AfterEach
    void stop() {
        fx(() -> {
            view.stop();
            stage.hide();
            Language.use(Locale.ENGLISH);
        });
    }

    private static String help(Control c) {
        return fx(() -> (String) c.queryAccessibleAttribute(AccessibleAttribute.HELP));
    }

    @Test
    void aToolbarButtonsTooltipIsMadeOnFirstHoverWithItsKeyAndFollowsTheLanguage(FxRobot robot) {
        Control zoomIn = fx(() -> (Control) view.root().lookup("#zoomInButton"));
        String english = KeyBinding.ZOOM_IN.tooltip(FxmlTexts.text("shell.zoomIn.tooltip"));
        assertThat(fx(zoomIn::getTooltip)).as("no tooltip before the pointer comes").isNull();
        assertThat(help(zoomIn)).as("a screen reader has the words already").isEqualTo(english);

        robot.moveTo(zoomIn);
        waitUntil("the tooltip is made on the first hover", () -> zoomIn.getTooltip() != null);
        assertThat(fx(() -> zoomIn.getTooltip().getText())).isEqualTo(english);

        fx(() -> view.useLanguage(Locale.GERMAN));
        String german = KeyBinding.ZOOM_IN.tooltip(FxmlTexts.text("shell.zoomIn.tooltip"));
        assertThat(german).isNotEqualTo(english);
        assertThat(fx(() -> zoomIn.getTooltip().getText())).isEqualTo(german);
        assertThat(help(zoomIn)).isEqualTo(german);
    }

    @Test
    void aPresetButtonMadeInCodeGetsItsTooltipOnHoverToo(FxRobot robot) {
        Control users = fx(() -> (Control) view.root().lookup("#preset-users1"));
        Preset preset = fx(() -> view.viewModel().composer().presets().stream().filter(p -> p.id().equals("users1")).findFirst().orElseThrow());
        assertThat(fx(users::getTooltip)).isNull();
        assertThat(help(users)).isEqualTo(fx(preset::tooltip)).isNotBlank();
        robot.moveTo(users);
        waitUntil("the tooltip is made on the first hover", () -> users.getTooltip() != null);
        assertThat(fx(() -> users.getTooltip().getText())).isEqualTo(fx(preset::tooltip));
    }
}
