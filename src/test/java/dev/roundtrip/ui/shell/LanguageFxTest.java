package dev.roundtrip.ui.shell;

import static dev.roundtrip.ui.FxWait.fx;
import static dev.roundtrip.ui.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.lesson.LessonLibrary;
import dev.roundtrip.text.Texts;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.ui.TempHome;
import dev.roundtrip.ui.export.Theme;
import dev.roundtrip.ui.inspector.InspectorTab;
import dev.roundtrip.ui.lessons.LessonPanelViewModel;
import dev.roundtrip.ui.util.Language;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The main window in German, French and Spanish, and View → Language switching it while a session goes on. */
@ExtendWith(ApplicationExtension.class)
class LanguageFxTest {
    @TempDir
    Path dir;
    private TempHome home;
    private Stage stage;
    private Window window;

    /** The window on a lab started off the FX thread (a cold start takes longer than one FX call may). */
    private record Window(LiveLabPort port, MainViewModel vm, MainView view) {}

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void useHome() {
        home = TempHome.use(dir);
    }

    @AfterEach
    void stop() {
        if (window != null) {
            fx(() -> {
                window.view().stop();
                stage.hide();
            });
            window.port().close();
        }
        fx(() -> Language.use(Locale.ENGLISH));
        home.restore();
    }

    private void show(Locale language) {
        LiveLabPort port = LiveLabPort.start();
        window = fx(() -> {
            Language.use(language);
            MainViewModel vm = new MainViewModel(port);
            MainView view = MainView.load(vm);
            stage.setScene(view.scene(1280, 800));
            stage.show();
            view.start();
            return new Window(port, vm, view);
        });
    }

    private String text(String selector) {
        return fx(() -> ((Labeled) stage.getScene().lookup(selector)).getText());
    }

    private List<String> menus() {
        return fx(() -> window.view().menuBar().getMenus().stream().map(Menu::getText).toList());
    }

    /** The keys the menu at {@code index} shows beside its items, as drawn in its open popup. */
    private List<String> shownKeys(int index) {
        Menu menu = fx(() -> window.view().menuBar().getMenus().get(index));
        fx(menu::show);
        try {
            waitUntil("the menu is open", () -> menu.isShowing() && !acceleratorTexts().isEmpty());
            return fx(this::acceleratorTexts);
        } finally {
            fx(menu::hide);
        }
    }

    private List<String> acceleratorTexts() {
        return javafx.stage.Window.getWindows().stream().filter(w -> w instanceof javafx.scene.control.ContextMenu && w.isShowing())
                .flatMap(w -> w.getScene().getRoot().lookupAll(".accelerator-text").stream()).map(n -> ((Label) n).getText()).toList();
    }

    private javafx.scene.control.MenuItem sendItem() {
        return window.view().menuBar().getMenus().get(1).getItems().stream()
                .filter(i -> i.getAccelerator() instanceof AcceleratorInWords a && a.keys().equals(KeyBinding.SEND.combination())).findFirst().orElseThrow();
    }

    private List<String> tabs() {
        return fx(() -> window.view().inspector().root().getTabs().stream().map(Tab::getText).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "de|_Datei, _Austausch, _Wiedergabe, A_nsicht, _Lektionen, _Hilfe|Senden|Anfrage|Header|Bytes, Puffer, Speicher, Zeiten|Lauf|Prüfen|Weiter|Schritt 1/",
        "fr|_Fichier, É_change, Lec_ture, _Affichage, _Leçons, Ai_de|Envoyer|Requête|En-têtes|Octets, Tampons, Mémoire, Durées|Continu|Vérifier|Suivant|Étape 1/",
        "es|_Archivo, _Intercambio, _Reproducción, _Ver, _Lecciones, Ay_uda|Enviar|Petición|Cabeceras|Bytes, Búferes, Memoria, Tiempos|Continuo|Comprobar|Siguiente|Paso 1/"})
    void theWindowOpensInTheLanguageWithItsMenusToolbarComposerInspectorAndLessonChrome(String tag, String menus, String send, String request,
            String headers, String tabs, String run, String check, String next, String step) {
        show(Locale.forLanguageTag(tag));
        assertThat(menus()).containsExactly(menus.split(", "));
        assertThat(text("#sendButton")).isEqualTo(send);
        List<String> titles = fx(() -> window.view().root().lookupAll(".pane-title").stream().map(n -> ((Label) n).getText()).toList());
        assertThat(titles).contains(request);
        assertThat(fx(() -> ((javafx.scene.control.TabPane) stage.getScene().lookup("#composerTabs")).getTabs().get(0).getText())).isEqualTo(headers);
        assertThat(tabs()).containsExactly(tabs.split(", "));
        assertThat(text("#runToggle")).isEqualTo(run);
        assertThat(fx(() -> window.view().inspector().tab(InspectorTab.BYTES).getTooltip().getText())).endsWith("de".equals(tag) ? "(Strg+1)" : "(Ctrl+1)");
        assertThat(fx(() -> window.vm().messageProperty().get())).isEqualTo(Texts.get("dev.roundtrip.ui.shell.Texts", "ready")).doesNotContain("Pick a preset");

        fx(() -> { window.view().lessons().open(LessonLibrary.load().find("01-the-dance").orElseThrow()); });
        LessonPanelViewModel panel = window.view().lessons().viewModel();
        waitUntil("lesson 01 is open at step 1 and its action ran", () -> panel.openProperty().get()
                && panel.session().map(s -> s.stepNumber() == 1).orElse(false) && panel.canNextProperty().get() && !panel.runningProperty().get());
        assertThat(fx(() -> ((Button) window.view().lessons().panel().root().lookup("#checkButton")).getText())).isIn(check,
                Texts.get("dev.roundtrip.ui.lessons.Texts", "lockIn"), Texts.get("dev.roundtrip.ui.lessons.Texts", "submit"));
        // the button's words follow the session on a later pulse than the view model's state
        waitUntil("the Next button reads " + next, () -> next.equals(((Button) window.view().lessons().panel().root().lookup("#nextButton")).getText()));
        assertThat(fx(() -> panel.stepTextProperty().get())).startsWith(step);
    }

    @Test
    void switchingTheLanguageRelabelsTheWindowAtOnceAndKeepsTheSession() throws Exception {
        show(Locale.ENGLISH);
        fx(() -> {
            window.vm().composer().targetProperty().set("/users/1");
            window.vm().send();
        });
        waitUntil("the exchange settled", () -> window.vm().exchanges().size() == 1
                && window.vm().recording().exchanges().stream().allMatch(x -> x.outcome() != Outcome.PENDING));
        LessonPanelViewModel panel = window.view().lessons().viewModel();
        fx(() -> { window.view().lessons().open(LessonLibrary.load().find("01-the-dance").orElseThrow()); });
        waitUntil("lesson 01 can go on", () -> panel.canNextProperty().get() && !panel.runningProperty().get());
        fx(() -> { window.view().lessons().next(); });
        waitUntil("step 2 is shown", () -> panel.session().map(s -> s.stepNumber() == 2).orElse(false) && !panel.runningProperty().get());
        long selected = fx(() -> window.vm().selectedIdProperty().get());
        int exchanges = fx(() -> window.vm().exchanges().size());
        fx(() -> {
            window.vm().themeProperty().set(Theme.DARK);
            window.vm().zoomIn();
        });
        double zoom = fx(() -> window.vm().zoomProperty().get());
        assertThat(text("#sendButton")).isEqualTo("Send");

        fx(() -> ((RadioMenuItem) window.view().languageMenu().getItems().stream().filter(i -> "language-de".equals(i.getId())).findFirst().orElseThrow()).fire());

        assertThat(text("#sendButton")).isEqualTo("Senden");
        assertThat(menus()).contains("A_nsicht", "_Lektionen");
        assertThat(tabs()).containsExactly("Bytes", "Puffer", "Speicher", "Zeiten");
        assertThat(fx(() -> window.view().inspector().tab(InspectorTab.BUFFERS).getTooltip().getText())).isEqualTo("ByteBuf-Indizes und Socket-Warteschlangen des Kernels (Strg+2)");
        // the menus' keys as printed on a German keyboard, in the menu as drawn, and the key still sends
        assertThat(shownKeys(1)).contains("Strg+Eingabe", "Strg+T").doesNotContain("Ctrl+Enter");
        assertThat(fx(() -> sendItem().getAccelerator().match(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
                javafx.scene.input.KeyCode.ENTER, false, true, false, false)))).as("Ctrl+Enter still matches").isTrue();
        assertThat(fx(() -> window.vm().statusProperty().get())).contains("Server auf 127.0.0.1:").contains("Modus Lauf");
        assertThat(fx(() -> window.vm().messageProperty().get())).startsWith("Sprache: Deutsch.");
        assertThat(fx(() -> panel.stepTextProperty().get())).startsWith("Schritt 2/");
        assertThat(fx(() -> ((Button) window.view().lessons().panel().root().lookup("#nextButton")).getText())).isEqualTo("Weiter");
        assertThat(fx(() -> window.view().diagram().lookupAll(".lifeline-name").stream()
                .map(n -> ((Labeled) n).getText().replace("-\n", "-")).toList())).contains("Client-Kernel", "Datenbank");
        assertThat(fx(() -> ((RadioMenuItem) window.view().languageMenu().getItems().get(1)).isSelected())).as("Deutsch is ticked").isTrue();
        // the session goes on as it was
        assertThat(fx(() -> window.vm().selectedIdProperty().get())).isEqualTo(selected);
        assertThat(fx(() -> window.vm().exchanges().size())).isEqualTo(exchanges);
        assertThat(fx(() -> panel.openProperty().get() && panel.session().orElseThrow().stepNumber() == 2)).isTrue();
        assertThat(fx(() -> window.vm().themeProperty().get())).isEqualTo(Theme.DARK);
        assertThat(fx(() -> window.vm().zoomProperty().get())).isEqualTo(zoom);
        waitUntil("the choice is saved for the next start", () -> new LanguageSetting(dir.resolve(LanguageSetting.FILE_NAME)).saved().isPresent());
        assertThat(new LanguageSetting(dir.resolve(LanguageSetting.FILE_NAME)).startLanguage(Locale.US)).isEqualTo(Locale.GERMAN);

        fx(() -> window.view().useLanguage(Locale.ENGLISH));
        assertThat(text("#sendButton")).isEqualTo("Send");
        assertThat(fx(() -> panel.stepTextProperty().get())).startsWith("Step 2 of");
        assertThat(shownKeys(1)).contains("Ctrl+Enter").doesNotContain("Strg+Eingabe");
    }

    @Test
    void theLanguageMenuNamesEachLanguageInItself() {
        show(Locale.FRENCH);
        assertThat(fx(() -> window.view().languageMenu().getItems().stream().map(javafx.scene.control.MenuItem::getText).toList()))
                .containsExactly("English", "Deutsch", "Français", "Español");
        assertThat(fx(() -> window.view().languageMenu().getText())).isEqualTo("Langue");
    }
}
