package dev.roundtrip.ui.lessons;

import static dev.roundtrip.ui.FxWait.fx;
import static dev.roundtrip.ui.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.lesson.Lesson;
import dev.roundtrip.lesson.LessonLibrary;
import dev.roundtrip.lesson.LessonSession;
import dev.roundtrip.text.Texts;
import dev.roundtrip.ui.LayoutCheck;
import dev.roundtrip.ui.LiveWindow;
import dev.roundtrip.ui.MonocleScreen;
import dev.roundtrip.ui.TempHome;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The lesson panel in the language in use: lesson 01 in German at 1280x720, and a switch that keeps the step. */
@ExtendWith(ApplicationExtension.class)
class LessonLanguageFxTest {
    @TempDir
    Path dir;
    private TempHome home;
    private Stage stage;
    private LiveWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void german() throws Exception {
        home = TempHome.use(dir);
        Texts.use(Locale.GERMAN);
        // starting the lab and the window takes longer than one FX call is given on a busy machine: a bound of its own
        window = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> LiveWindow.onScreen(stage, 1280, 720, v -> {})).get(90, java.util.concurrent.TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        Texts.use(Locale.ENGLISH);
        if (window != null) window.close(() -> stage.hide(), () -> {});
        fx(MonocleScreen::reset);
        home.restore();
    }

    private String narration() {
        return fx(() -> ((VBox) stage.getScene().lookup("#narrationBox")).getChildren().stream()
                .map(n -> ((TextFlow) n).getChildren().stream().map(t -> ((Text) t).getText()).collect(Collectors.joining()))
                .collect(Collectors.joining("\n")));
    }

    private String label(String id) {
        return fx(() -> ((Label) stage.getScene().lookup(id)).getText());
    }

    private LessonSession session() {
        return fx(() -> window.view.lessons().viewModel().session().orElseThrow());
    }

    private void reach(int step) {
        LessonPanelViewModel vm = window.view.lessons().viewModel();
        waitUntil("step " + step + " is shown and its action ran", () -> vm.session().map(s -> s.stepNumber() == step).orElse(false)
                && !vm.runningProperty().get());
    }

    @Test
    void lessonOneReadsInGermanAtEveryStepAndNothingIsCut() {
        Lesson lesson = LessonLibrary.load().find("01-the-dance").orElseThrow();
        assertThat(lesson.language()).isEqualTo(Locale.GERMAN);
        fx(() -> { window.view.lessons().open(lesson); });
        reach(1);
        assertThat(label("#titleLabel")).isEqualTo("Der Tanz: eine Anfrage, fünf Stufen");
        assertThat(narration()).startsWith("Jedes Mal, wenn ihr eine Webseite öffnet").contains("Lebenslinien");
        for (int step = 1; step <= lesson.steps().size(); step++) {
            int n = step;
            if (step > 1) {
                LessonPanelViewModel vm = window.view.lessons().viewModel();
                if (fx(() -> vm.phaseProperty().get()) == LessonSession.Phase.PREDICT) {
                    assertThat(label("#questionLabel")).contains("Bevor wir sie schicken: Wie lange dauert der ganze Austausch");
                    fx(() -> { vm.answerProperty().set("3"); vm.check(); });
                    waitUntil("the prediction's action ran", () -> vm.phaseProperty().get() == LessonSession.Phase.EXPLAIN && !vm.runningProperty().get());
                    assertThat(fx(() -> vm.choices())).first().asString().isEqualTo("Beide laufen auf diesem Laptop; Loopback kostet fast nichts");
                    fx(() -> { vm.answerProperty().set("1"); vm.check(); });
                    assertThat(label("#questionLabel")).endsWith("Mit welchem Statuscode hat der Server geantwortet?");
                    fx(() -> { vm.answerProperty().set("200 OK"); vm.check(); });
                    assertThat(label("#feedbackLabel")).contains("Gemessen wurde der Status 200.").contains("200 OK: Der Tanz ist gut gegangen.");
                }
                fx(() -> { window.view.lessons().next(); });
            }
            reach(n);
            fx(() -> window.view.renderNow(System.nanoTime()));
            assertThat(narration().replaceAll("\\s+", " ")).as("step %d shows the German narration", n)
                    .isEqualTo(lesson.steps().get(n - 1).narration().replace("**", "").replace("`", "").replaceAll("\\s+", " "));
            assertThat(fx(() -> LayoutCheck.problems(stage.getScene()))).as("layout problems at step %d in German", n).isEmpty();
        }
    }

    @Test
    void switchingTheLanguageShowsTheOpenLessonTranslatedAtTheSameStepWithoutRunningItAgain() {
        fx(() -> { window.view.lessons().open(LessonLibrary.load().find("01-the-dance").orElseThrow()); });
        reach(1);
        fx(() -> { window.view.lessons().next(); });
        reach(2);
        LessonPanelViewModel vm = window.view.lessons().viewModel();
        fx(() -> { vm.answerProperty().set("2"); vm.check(); });
        waitUntil("the step's request was answered", () -> vm.phaseProperty().get() == LessonSession.Phase.EXPLAIN && !vm.runningProperty().get());
        int sent = fx(() -> window.vm.recording().exchanges().size());

        Texts.use(Locale.FRENCH);
        fx(() -> window.view.lessons().reloadLanguage()).join();

        assertThat(session().stepNumber()).isEqualTo(2);
        assertThat(session().lesson().language()).isEqualTo(Locale.FRENCH);
        assertThat(fx(() -> vm.phaseProperty().get())).isEqualTo(LessonSession.Phase.EXPLAIN);
        assertThat(label("#titleLabel")).isEqualTo("La danse\u00a0: une requête, cinq étapes");
        assertThat(narration()).startsWith("Envoyons GET /\u00a0: «\u00a0donne-moi s’il te plaît");
        assertThat(label("#questionLabel")).endsWith("Pourquoi la mesure est-elle ce qu’elle est\u00a0?");
        assertThat(fx(() -> window.vm.recording().exchanges().size())).as("nothing was sent again").isEqualTo(sent);
        assertThat(fx(() -> window.view.lessons().browserViewModel().rows().get(0).title())).isEqualTo("La danse\u00a0: une requête, cinq étapes");
    }
}
