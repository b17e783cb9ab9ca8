package dev.roundtrip.ui.lessons;

import static dev.roundtrip.ui.FxWait.fx;
import static dev.roundtrip.ui.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.lab.Lab;
import dev.roundtrip.lesson.Checkpoint;
import dev.roundtrip.lesson.Lesson;
import dev.roundtrip.lesson.LessonLoader;
import dev.roundtrip.lesson.LessonSession;
import dev.roundtrip.lesson.LessonSet;
import dev.roundtrip.text.Texts;
import dev.roundtrip.ui.util.Language;
import dev.roundtrip.ui.util.TaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /**
     * Each lesson is played once; at each of its moments the panel is looked at in English at both widths
     * and, told again in each translation (as a language switch does: nothing runs again), at 320 px.
     * Playing every translation through ran each action four times (lesson 19's comparison alone takes 13 s).
     */
    @Test
    void everyStepOfEveryLessonFitsAPanelOf320And480PixelsAndItsTranslationsThe320() {
        List<String> problems = new ArrayList<>();
        Map<Locale, LessonSet> translations = new LinkedHashMap<>();
        for (Locale language : List.of(Locale.GERMAN, Locale.FRENCH, Texts.SPANISH)) {
            translations.put(language, LessonLoader.loadDirectory(Path.of("lessons"), language));
        }
        int translated = 0;
        try {
            for (Lesson lesson : lessons) {
                if (!lesson.id().startsWith(System.getProperty("layout.only", ""))) continue;
                List<Telling> tellings = new ArrayList<>(List.of(Telling.of(Locale.ENGLISH, lesson, 320, 480)));
                translations.forEach((language, set) -> set.find(lesson.id()).filter(t -> t.language().equals(language))
                        .ifPresent(t -> tellings.add(Telling.of(language, t, 320))));
                translated += tellings.size() - 1;
                problems.addAll(playThrough(tellings));
            }
        } finally {
            fx(() -> Language.use(Locale.ENGLISH));
        }
        assertThat(translated).as("translations looked at").isPositive();
        assertThat(problems).isEmpty();
    }

    /**
     * A lesson in one language, the panel widths it is looked at in, and its file's text (where a "…"
     * its author wrote, a sentence its choices finish, is no cut).
     */
    private record Telling(Locale language, Lesson lesson, String written, double... widths) {
        static Telling of(Locale language, Lesson lesson, double... widths) {
            // a translation keeps its lesson's source; its texts are in lessons/<language>/ beside it
            Path english = Path.of(lesson.source());
            Path file = language.equals(Locale.ENGLISH) ? english : english.resolveSibling(language.getLanguage()).resolve(english.getFileName());
            try {
                return new Telling(language, lesson, java.nio.file.Files.readString(file), widths);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** Whether {@code text} has a "…" that the lesson's file does not have there (code shortened it). */
    static boolean cutByCode(String text, String written) {
        for (int i = text.indexOf('…'); i >= 0; i = text.indexOf('…', i + 1)) {
            String before = text.substring(Math.max(0, i - 12), i + 1).strip();
            String after = text.substring(i, Math.min(text.length(), i + 13)).strip();
            if (!written.contains(before) && !written.contains(after)) return true;
        }
        return false;
    }

    private List<String> playThrough(List<Telling> tellings) {
        Telling english = tellings.get(0);
        Lesson lesson = english.lesson();
        fx(() -> Language.use(Locale.ENGLISH));
        LessonPanelViewModel vm = new LessonPanelViewModel(lab, () -> null, TaskRunner.SAME_THREAD, javafx.application.Platform::runLater);
        LessonPanelView view = fx(() -> {
            LessonPanelView v = LessonPanelView.load(vm);
            v.root().setStyle("-fx-font-size: " + LessonPlayer.BASE_FONT + "px;");
            StackPane top = new StackPane(v.root());
            // the app's own stylesheets, as in the main window
            top.getStylesheets().addAll(dev.roundtrip.ui.export.Theme.STYLESHEET,
                    dev.roundtrip.ui.shell.MainView.class.getResource("MainView.css").toExternalForm());
            stage.getScene().setRoot(top);
            stage.setWidth(english.widths()[0]);
            stage.setHeight(HEIGHT);
            stage.getScene().getRoot().resize(english.widths()[0], HEIGHT);
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
                problems.addAll(inEach(tellings, vm, view, where, () -> {}));
                LessonSession.Phase phase = fx(() -> vm.phaseProperty().get());
                if (phase == LessonSession.Phase.NONE) break;
                if (phase != LessonSession.Phase.PREDICT) problems.addAll(wrongAnswers(tellings, vm, view, where));
                String answer = fx(() -> answerFor(vm, phase));
                // a prediction runs the step's action, so it is made once: in the language whose answer reads longest,
                // as the comparison quotes it (every other language is then looked at with a quote at least as long)
                Telling predicting = phase == LessonSession.Phase.PREDICT ? longestAnswer(tellings, vm, answer) : english;
                fx(() -> {
                    tell(vm, predicting);
                    vm.answerProperty().set(answer);
                    vm.check();
                });
                waitUntil(where + " answered", () -> !vm.runningProperty().get() && vm.phaseProperty().get() == vm.session().orElseThrow().phase());
                // the verdict's text is made when the answer is judged: judged again in each language (no action runs)
                problems.addAll(inEach(tellings, vm, view, where + " with its verdict", () -> {
                    if (phase == LessonSession.Phase.PREDICT) return;
                    if (vm.canCheckProperty().get() && vm.phaseProperty().get() == phase) {
                        vm.answerProperty().set(answer);
                        vm.check();
                    } else if (phase == LessonSession.Phase.EXPLAIN) {
                        vm.session().orElseThrow().explain(answer); // explained: the panel offers no Check now
                        vm.languageChanged();
                    }
                }));
                if (phase == LessonSession.Phase.QUESTION) break;
            }
        }
        fx(vm::closeNow);
        return problems;
    }

    /**
     * The panel as it is now in each language, looked at in that language's widths: the language is
     * switched, the lesson told again in it, and {@code judge} gives again, in it, the answer on screen.
     */
    private List<String> inEach(List<Telling> tellings, LessonPanelViewModel vm, LessonPanelView view, String where, Runnable judge) {
        List<String> problems = new ArrayList<>();
        for (Telling t : tellings) {
            fx(() -> {
                tell(vm, t);
                judge.run();
            });
            problems.addAll(checkAt(view, where + " in " + t.language(), t));
        }
        fx(() -> tell(vm, tellings.get(0)));
        return problems;
    }

    /** Switches the panel to {@code t}'s language, as the app's language menu does. Call on the FX thread. */
    private static void tell(LessonPanelViewModel vm, Telling t) {
        Language.use(t.language());
        vm.retell(t.lesson());
        vm.languageChanged();
    }

    /** The language in which {@code answer} to the current prediction reads longest (a choice's text; a number is a number). */
    private static Telling longestAnswer(List<Telling> tellings, LessonPanelViewModel vm, String answer) {
        int step = fx(() -> vm.session().orElseThrow().stepNumber());
        Telling longest = tellings.get(0);
        int most = -1;
        for (Telling t : tellings) {
            Checkpoint guess = t.lesson().steps().get(step - 1).predict().guess();
            int length = guess instanceof Checkpoint.MultipleChoice mc ? mc.choices().get(Integer.parseInt(answer) - 1).text().length() : 0;
            if (length > most) {
                most = length;
                longest = t;
            }
        }
        return longest;
    }

    /** Every wrong answer's verdict (the longest feedback a choice has) must fit too, in every language. */
    private List<String> wrongAnswers(List<Telling> tellings, LessonPanelViewModel vm, LessonPanelView view, String where) {
        List<String> problems = new ArrayList<>();
        LessonPanelViewModel.QuestionKind kind = fx(() -> vm.questionKindProperty().get());
        List<String> tries = new ArrayList<>();
        if (kind == LessonPanelViewModel.QuestionKind.NUMBER) tries.add("-1");
        if (kind == LessonPanelViewModel.QuestionKind.CHOICE) {
            int n = fx(() -> vm.choices().size());
            for (int i = 1; i <= n; i++) tries.add(String.valueOf(i));
        }
        for (String answer : tries) {
            boolean right = fx(() -> {
                LessonSession s = vm.session().orElseThrow();
                return vm.phaseProperty().get() == LessonSession.Phase.QUESTION
                        ? s.rightAnswer().map(answer::equals).orElse(false)
                        : s.currentStep().predict().explainChoices().choices().get(Integer.parseInt(answer) - 1).correct();
            });
            if (right) continue;
            problems.addAll(inEach(tellings, vm, view, where + " after the wrong answer " + answer, () -> {
                vm.answerProperty().set(answer);
                vm.check();
            }));
        }
        return problems;
    }

    /** What a student might answer: the right answer to a question, any readable prediction or explanation. */
    private static String answerFor(LessonPanelViewModel vm, LessonSession.Phase phase) {
        if (phase == LessonSession.Phase.QUESTION) return vm.session().orElseThrow().rightAnswer().orElse("1");
        return vm.questionKindProperty().get() == LessonPanelViewModel.QuestionKind.TEXT ? "Because the headers are long." : "1";
    }

    /** The panel as it is now, laid out at each width in turn (and left at the first). */
    private List<String> checkAt(LessonPanelView view, String where, Telling telling) {
        double[] widths = telling.widths();
        List<String> problems = new ArrayList<>();
        for (int i = widths.length - 1; i >= 0; i--) {
            double w = widths[i];
            problems.addAll(fx(() -> {
                stage.setWidth(w);
                stage.getScene().getRoot().resize(w, HEIGHT);
                return check(view, where + " at " + (int) w + " px", telling.written());
            }));
        }
        return problems;
    }

    private static List<String> check(LessonPanelView view, String where, String written) {
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
        for (Node n : allNodes(root)) {
            if (!(n instanceof Labeled l) || !visible(n) || l.getText() == null || l.getText().isEmpty()) continue;
            Node shown = l.lookup(".text");
            if (cutByCode(l.getText(), written)) problems.add(where + ": '" + l.getText() + "' shows an ellipsis");
            if (shown instanceof Text t && !t.getText().equals(l.getText()) && t.getText().endsWith("…")) {
                problems.add(where + ": '" + l.getText() + "' is cut to '" + t.getText() + "'");
            }
        }
        return problems;
    }

    /** Every node under {@code root} (no style class marks a Labeled: a lookup by class would find none). */
    private static List<Node> allNodes(Parent root) {
        List<Node> all = new ArrayList<>();
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            all.add(n);
            if (n instanceof Parent p) todo.addAll(p.getChildrenUnmodifiable());
        }
        return all;
    }

    private static boolean visible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible() || !p.isManaged()) return false;
        return true;
    }
}
