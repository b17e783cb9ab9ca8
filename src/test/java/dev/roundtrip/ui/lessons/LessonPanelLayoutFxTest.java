package dev.roundtrip.ui.lessons;

import static dev.roundtrip.ui.FxWait.fx;
import static dev.roundtrip.ui.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.lab.Lab;
import dev.roundtrip.lesson.Lesson;
import dev.roundtrip.lesson.LessonLoader;
import dev.roundtrip.lesson.LessonSession;
import dev.roundtrip.ui.util.TaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The lesson panel at the projector's size: on every step of every shipped lesson, in every phase
 * (prediction, explanation, question, verdict), the question, its answer field, Check, the verdict and
 * Next are inside the panel without scrolling (only the narration scrolls), and no button or label is
 * cut to "…". The panel gets 564 px of height in a 1280x720 window (below the menus and toolbars).
 */
@ExtendWith(ApplicationExtension.class)
class LessonPanelLayoutFxTest {
    static final double HEIGHT = 564;
    private static Lab lab;
    private static List<Lesson> lessons;
    private Stage stage;

    /** Plays the student's own server of lesson 17 (its capture step needs one on port 8000), unless one runs there. */
    private static com.sun.net.httpserver.HttpServer studentsServer;

    @BeforeAll
    static void start() throws Exception {
        lab = Lab.start();
        lessons = LessonLoader.loadDirectory(Path.of("lessons")).lessons();
        try {
            studentsServer = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 8000), 0);
            studentsServer.createContext("/", x -> {
                byte[] b = "<h1>My page</h1>\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                x.sendResponseHeaders(200, b.length);
                x.getResponseBody().write(b);
                x.close();
            });
            studentsServer.start();
        } catch (java.net.BindException inUse) {
            studentsServer = null; // something listens there already
        }
    }

    @AfterAll
    static void stop() {
        lab.close();
        if (studentsServer != null) studentsServer.stop(0);
    }

    /** A window of its own: the shared test stage keeps its size for the tests that follow. */
    @Start
    void start(Stage shared) {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        stage = new Stage();
        stage.setScene(new Scene(new StackPane(), 320, HEIGHT));
        stage.show();
    }

    @org.junit.jupiter.api.AfterEach
    void closeWindow() {
        fx(() -> stage.hide());
    }

    @Test
    void everyStepOfEveryLessonFitsAPanelOf320AndOf480Pixels() {
        List<String> problems = new ArrayList<>();
        // each lesson played once, each of its moments looked at in both widths (playing it twice took minutes)
        for (Lesson lesson : lessons) {
            if (lesson.id().startsWith(System.getProperty("layout.only", ""))) problems.addAll(playThrough(lesson, 320, 480));
        }
        assertThat(problems).isEmpty();
    }

    /** German and French say more than English: lessons 01-05 in each translation fit the narrowest panel too. */
    @Test
    void everyStepOfTheTranslatedLessonsFitsAPanelOf320Pixels() {
        List<String> problems = new ArrayList<>();
        try {
            for (java.util.Locale language : List.of(java.util.Locale.GERMAN, java.util.Locale.FRENCH, dev.roundtrip.text.Texts.SPANISH)) {
                dev.roundtrip.text.Texts.use(language);
                for (Lesson lesson : LessonLoader.loadDirectory(Path.of("lessons"), language).lessons()) {
                    if (lesson.language().equals(language)) problems.addAll(playThrough(lesson, 320));
                }
            }
        } finally {
            dev.roundtrip.text.Texts.use(java.util.Locale.ENGLISH);
        }
        assertThat(problems).isEmpty();
    }

    private List<String> playThrough(Lesson lesson, double... widths) {
        double width = widths[0];
        LessonPanelViewModel vm = new LessonPanelViewModel(lab, () -> null, TaskRunner.SAME_THREAD, javafx.application.Platform::runLater);
        LessonPanelView view = fx(() -> {
            LessonPanelView v = LessonPanelView.load(vm);
            v.root().setStyle("-fx-font-size: " + LessonPlayer.BASE_FONT + "px;");
            StackPane top = new StackPane(v.root());
            // the app's own stylesheets, as in the main window
            top.getStylesheets().addAll(dev.roundtrip.ui.export.Theme.STYLESHEET,
                    dev.roundtrip.ui.shell.MainView.class.getResource("MainView.css").toExternalForm());
            stage.getScene().setRoot(top);
            stage.setWidth(width);
            stage.setHeight(HEIGHT);
            stage.getScene().getRoot().resize(width, HEIGHT);
            return v;
        });
        List<String> problems = new ArrayList<>();
        fx(() -> vm.open(lesson));
        for (int n = 1; n <= lesson.steps().size(); n++) {
            if (n > 1) fx(() -> vm.next());
            int step = n;
            waitUntil(lesson.id() + " step " + n, () -> vm.session().map(x -> x.stepNumber() == step).orElse(false) && !vm.runningProperty().get()
                    && (vm.session().orElseThrow().currentRun().isPresent() || vm.phaseProperty().get() == LessonSession.Phase.PREDICT));
            for (int guard = 0; guard < 4; guard++) {
                String where = lesson.id() + " step " + n + " " + fx(() -> vm.phaseProperty().get());
                problems.addAll(checkAt(view, where, widths));
                LessonSession.Phase phase = fx(() -> vm.phaseProperty().get());
                if (phase == LessonSession.Phase.NONE) break;
                if (phase != LessonSession.Phase.PREDICT) problems.addAll(wrongAnswers(vm, view, where, widths));
                fx(() -> {
                    vm.answerProperty().set(answerFor(vm, phase));
                    vm.check();
                });
                waitUntil(where + " answered", () -> !vm.runningProperty().get() && vm.phaseProperty().get() == vm.session().orElseThrow().phase());
                problems.addAll(checkAt(view, where + " with its verdict", widths));
                if (phase == LessonSession.Phase.QUESTION) break;
            }
        }
        fx(vm::closeNow);
        return problems;
    }

    /** Every wrong answer's verdict (the longest feedback a choice has) must fit too. */
    private List<String> wrongAnswers(LessonPanelViewModel vm, LessonPanelView view, String where, double[] widths) {
        List<String> problems = new ArrayList<>();
        LessonPanelViewModel.QuestionKind kind = fx(() -> vm.questionKindProperty().get());
        List<String> tries = new ArrayList<>();
        if (kind == LessonPanelViewModel.QuestionKind.NUMBER) tries.add("-1");
        if (kind == LessonPanelViewModel.QuestionKind.CHOICE) {
            int n = fx(() -> vm.choices().size());
            for (int i = 1; i <= n; i++) tries.add(String.valueOf(i));
        }
        for (String answer : tries) {
            Boolean wrong = fx(() -> {
                LessonSession s = vm.session().orElseThrow();
                boolean right = vm.phaseProperty().get() == LessonSession.Phase.QUESTION
                        ? s.rightAnswer().map(answer::equals).orElse(false)
                        : s.currentStep().predict().explainChoices().choices().get(Integer.parseInt(answer) - 1).correct();
                if (right) return false;
                vm.answerProperty().set(answer);
                vm.check();
                return true;
            });
            if (wrong) problems.addAll(checkAt(view, where + " after the wrong answer " + answer, widths));
        }
        return problems;
    }

    /** What a student might answer: the right answer to a question, any readable prediction or explanation. */
    private static String answerFor(LessonPanelViewModel vm, LessonSession.Phase phase) {
        if (phase == LessonSession.Phase.QUESTION) return vm.session().orElseThrow().rightAnswer().orElse("1");
        return vm.questionKindProperty().get() == LessonPanelViewModel.QuestionKind.TEXT ? "Because the headers are long." : "1";
    }

    /** The panel as it is now, laid out at each width in turn (and left at the first). */
    private List<String> checkAt(LessonPanelView view, String where, double[] widths) {
        List<String> problems = new ArrayList<>();
        for (int i = widths.length - 1; i >= 0; i--) {
            double w = widths[i];
            problems.addAll(fx(() -> {
                stage.setWidth(w);
                stage.getScene().getRoot().resize(w, HEIGHT);
                return check(view, where + " at " + (int) w + " px");
            }));
        }
        return problems;
    }

    private static List<String> check(LessonPanelView view, String where) {
        Parent root = view.root();
        Parent top = root.getScene().getRoot();
        top.applyCss();
        top.layout();
        List<String> problems = new ArrayList<>();
        Bounds panel = root.localToScene(root.getLayoutBounds());
        for (String id : List.of("#checkpointBox", "#nextButton", "#backButton", "#checkButton", "#feedbackLabel", "#numberField", "#choicesBox", "#comparisonLabel")) {
            Node n = root.lookup(id);
            if (n == null || !visible(n)) continue;
            Bounds b = n.localToScene(n.getLayoutBounds());
            if (b.getMinY() < panel.getMinY() - 0.5 || b.getMaxY() > panel.getMaxY() + 0.5 || b.getMaxX() > panel.getMaxX() + 0.5 || b.getMinX() < panel.getMinX() - 0.5) {
                problems.add(where + ": " + id + " is outside the panel (" + b + " in " + panel + ")");
            }
        }
        for (Node n : root.lookupAll(".labeled")) {
            if (!(n instanceof Labeled l) || !visible(n) || l.getText() == null || l.getText().isEmpty()) continue;
            Node shown = l.lookup(".text");
            if (l.getText().contains("…")) problems.add(where + ": '" + l.getText() + "' shows an ellipsis");
            if (shown instanceof Text t && !t.getText().equals(l.getText()) && t.getText().endsWith("…")) {
                problems.add(where + ": '" + l.getText() + "' is cut to '" + t.getText() + "'");
            }
        }
        return problems;
    }

    private static boolean visible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible() || !p.isManaged()) return false;
        return true;
    }
}
