package dev.roundtrip.ui.shell;

import static dev.roundtrip.ui.FxWait.fx;
import static dev.roundtrip.ui.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.ui.Fixtures;
import dev.roundtrip.ui.inspector.InspectorTab;
import dev.roundtrip.ui.util.Language;
import java.util.Locale;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Menu;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * How the app builds its window to show it sooner: the FXML is loaded off the FX thread while the
 * engine starts, and an inspector tab's panes are built when the tab is first shown.
 */
@ExtendWith(ApplicationExtension.class)
class WindowStartFxTest {
    private Stage stage;
    private MainView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() {
        fx(() -> {
            if (view != null) view.stop();
            stage.hide();
            Language.use(Locale.ENGLISH);
        });
    }

    private MainView showLoadedOffTheFxThread() throws Exception {
        MainView[] loaded = new MainView[1];
        Thread loader = new Thread(() -> loaded[0] = MainView.loadUnbound(), "window-loader");
        loader.start();
        loader.join(60_000);
        assertThat(loaded[0]).as("the window's FXML loads off the FX thread").isNotNull();
        view = fx(() -> {
            MainView v = loaded[0].bind(new MainViewModel(new ReplayPort(Fixtures.classroom(), "fixtures")));
            stage.setScene(v.scene(1280, 720));
            stage.show();
            v.start();
            return v;
        });
        return view;
    }

    @Test
    void aWindowLoadedOffTheFxThreadWorksAndFollowsALanguageSwitch() throws Exception {
        MainView v = showLoadedOffTheFxThread();
        assertThat(fx(() -> v.menuBar().getMenus().stream().map(Menu::getText).toList())).contains("_File", "Le_ssons");
        fx(() -> v.useLanguage(Locale.GERMAN));
        assertThat(fx(() -> v.menuBar().getMenus().stream().map(Menu::getText).toList())).contains("_Datei", "_Lektionen");
        assertThat(fx(() -> v.inspector().root().getTabs().stream().map(Tab::getText).toList())).containsExactly("Bytes", "Puffer", "Speicher", "Zeiten");
        assertThat(fx(() -> {
            try {
                v.bind(v.viewModel());
                return "bound twice";
            } catch (IllegalStateException e) {
                return e.getMessage();
            }
        })).isEqualTo("this window is bound already");
    }

    @Test
    void aHiddenInspectorTabIsBuiltWhenFirstShownFromWhatTheViewModelHoldsThen() throws Exception {
        MainView v = showLoadedOffTheFxThread();
        Tab memory = fx(() -> v.inspector().root().getTabs().get(InspectorTab.MEMORY.ordinal()));
        assertThat(fx(() -> v.inspector().root().getSelectionModel().getSelectedItem().getContent())).as("the shown tab has its panes").isNotNull();
        assertThat(fx(memory::getContent)).as("a hidden tab waits until it is shown").isNull();

        // the view model reads the session on a frame, which a loaded machine may not have drawn yet
        waitUntil("the fixture's exchanges have heap readouts", () -> !v.viewModel().inspector().memoryHistory().isEmpty());
        // the history then and the chart built from it, in one FX task: a frame in between could add to the history
        int[] heldAndCharted = fx(() -> {
            int held = v.viewModel().inspector().memoryHistory().size();
            v.inspector().show(InspectorTab.MEMORY);
            if (memory.getContent() == null) return new int[] {held, -1};
            // looked up in the tab's own content: the tab pane's skin puts it into the scene on a later pulse
            XYChart<?, ?> chart = (XYChart<?, ?>) ((javafx.scene.control.ScrollPane) memory.getContent()).getContent().lookup("#heap-chart");
            return new int[] {held, chart.getData().get(0).getData().size()};
        });
        assertThat(heldAndCharted[1]).as("the chart starts with the heap history held before (-1: the tab has no panes)").isEqualTo(heldAndCharted[0]);
    }
}
