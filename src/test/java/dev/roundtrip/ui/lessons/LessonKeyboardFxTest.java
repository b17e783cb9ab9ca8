package dev.roundtrip.ui.lessons;

import static dev.roundtrip.ui.FxWait.fx;
import static dev.roundtrip.ui.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.lesson.LessonLibrary;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.ui.LiveWindow;
import dev.roundtrip.ui.TempHome;
import dev.roundtrip.ui.shell.MainView;
import dev.roundtrip.ui.shell.MainViewModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.RadioButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Lesson 01 from its opening to its end with the keyboard alone: no click, no mouse. Tab reaches each
 * answer in the panel's order, Space picks a choice and presses Check, Enter checks a number, Page
 * Down moves on; the verdicts are the right ones and the lesson ends complete.
 */
@ExtendWith(ApplicationExtension.class)
class LessonKeyboardFxTest {
    /** More Tabs than the window has stops: a path longer than this is a trap or a dead end. */
    private static final int MAX_TABS = 40;
    @TempDir
    static Path home;
    private static TempHome userHome;
    private LiveWindow window;
    private MainView view;
    private MainViewModel vm;

    @BeforeAll
    static void userHome() {
        userHome = TempHome.use(home);
    }

    @AfterAll
    static void restoreHome() {
        userHome.restore();
        System.clearProperty(LessonLibrary.DIR_PROPERTY);
    }

    @Start
    void start(javafx.stage.Stage stage) {
        window = LiveWindow.show(stage);
        view = window.view;
        vm = window.vm;
    }

    @AfterEach
    void stop() {
        window.close();
    }

    private LessonPanelViewModel lesson() {
        return view.lessons().viewModel();
    }

    private Node focused() {
        return fx(() -> view.root().getScene().getFocusOwner());
    }

    private void waitForStep(String text) {
        waitUntil(text + " is shown and its action ran",
                () -> lesson().stepTextProperty().get().equals(text) && !lesson().runningProperty().get());
    }

    /** Presses Tab until {@code wanted} has the focus; every stop on the way must show its focus. */
    private List<String> tabTo(FxRobot robot, String what, Predicate<Node> wanted) {
        // a control the step just made has no skin until a CSS pass, and without its skin no key handling: Tab reaches
        // it, Space does nothing. A loaded machine may not have run that pass yet
        fx(() -> dev.roundtrip.ui.LayoutCheck.settle(view.root()));
        List<String> path = new ArrayList<>();
        for (int i = 0; i < MAX_TABS; i++) {
            Node f = focused();
            if (f != null && fx(() -> wanted.test(f))) return path;
            robot.push(KeyCode.TAB);
            Node now = focused();
            path.add(now == null ? "none" : now.getClass().getSimpleName() + "#" + now.getId());
            assertThat(now).as("Tab leaves the focus somewhere (path %s)", path).isNotNull();
            assertThat(fx(() -> now.isVisible() && now.getScene() != null)).as("the focus is on something shown: %s", path).isTrue();
        }
        throw new AssertionError("Tab never reached " + what + " in " + MAX_TABS + " presses: " + path);
    }

    private static Predicate<Node> id(String id) {
        return n -> id.equals(n.getId());
    }

    /** Types into the main window by name: TestFX's target is otherwise the last window it looked at (the lesson browser). */
    private void type(FxRobot robot, String text) {
        robot.targetWindow(fx(() -> view.root().getScene().getWindow()));
        robot.write(text);
    }

    private String feedback() {
        return fx(() -> lesson().feedbackKindProperty().get().name());
    }

    @Test
    void lessonOneFromOpeningToTheEndWithTheKeyboardOnly(FxRobot robot) {
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L);
        waitUntil("the browser lists lessons with the first selected and focused", () -> view.lessons().browser() != null
                && !view.lessons().browserViewModel().rows().isEmpty()
                && view.lessons().browser().stage().getScene().getFocusOwner() != null
                && "lessonList".equals(view.lessons().browser().stage().getScene().getFocusOwner().getId()));
        robot.push(KeyCode.HOME);
        robot.push(KeyCode.ENTER);
        waitUntil("lesson 01 is open", () -> lesson().lessonIdProperty().get().equals("01-the-dance") && !lesson().runningProperty().get());
        if (!fx(() -> lesson().stepTextProperty().get()).equals("Step 1 of 5")) fx(() -> lesson().reset()); // another test's progress
        waitForStep("Step 1 of 5");

        robot.push(KeyCode.PAGE_DOWN);
        waitForStep("Step 2 of 5");
        // predict: the answer field, a number, Enter locks it in
        String from = fx(() -> focused() == null ? "none" : focused().getId());
        List<String> path = tabTo(robot, "the prediction field", id("numberField"));
        type(robot, "100");
        robot.push(KeyCode.ENTER);
        waitUntil("the prediction is locked in and the exchange ran", () -> lesson().comparisonProperty().get().startsWith("You predicted 100 ms")
                && !lesson().choices().isEmpty());
        // explain: a choice picked with Space, then Check pressed with Space
        // the field made way for the choices: the focus goes with the question where JavaFX lets it (else a Tab or two)
        tabTo(robot, "the first choice", id("choice-1"));
        robot.push(KeyCode.SPACE);
        waitUntil("choice A is selected", () -> lesson().answerProperty().get().equals("1"));
        tabTo(robot, "Check", id("checkButton"));
        robot.push(KeyCode.SPACE);
        waitUntil("the status question follows", () -> lesson().phaseProperty().get() == dev.roundtrip.lesson.LessonSession.Phase.QUESTION);

        // the status code: arrows move between the choices (no Tab per choice), Space picks the one for 200
        int status = vm.recording().exchange(fx(() -> lesson().latestExchangeProperty().get())).orElseThrow().response().orElseThrow().status();
        int right = fx(() -> {
            for (int i = 0; i < lesson().choices().size(); i++) if (lesson().choices().get(i).startsWith(status + " ")) return i + 1;
            return -1;
        });
        assertThat(right).as("a choice for the measured %d", status).isPositive();
        tabTo(robot, "a choice", n -> n instanceof RadioButton);
        for (int i = 0; i < lesson().choices().size() && !fx(() -> ("choice-" + right).equals(focused().getId())); i++) robot.push(KeyCode.DOWN);
        assertThat(focused().getId()).isEqualTo("choice-" + right);
        robot.push(KeyCode.SPACE);
        tabTo(robot, "Check", id("checkButton"));
        robot.push(KeyCode.SPACE);
        waitUntil("the status answer is right", () -> feedback().equals("CORRECT"));
        // the arrows alone change the answer as well: back to a wrong one, Check says so
        robot.push(KeyCode.SHIFT, KeyCode.TAB);
        robot.push(right == 1 ? KeyCode.DOWN : KeyCode.UP);
        waitUntil("the arrow chose another answer", () -> !lesson().answerProperty().get().equals(String.valueOf(right)));
        tabTo(robot, "Check", id("checkButton"));
        robot.push(KeyCode.SPACE);
        waitUntil("that answer is wrong", () -> feedback().equals("WRONG"));
        robot.push(KeyCode.SHIFT, KeyCode.TAB);
        robot.push(right == 1 ? KeyCode.UP : KeyCode.DOWN);
        tabTo(robot, "Check", id("checkButton"));
        robot.push(KeyCode.SPACE);
        waitUntil("right again", () -> feedback().equals("CORRECT"));

        robot.push(KeyCode.PAGE_DOWN);
        waitForStep("Step 3 of 5");
        long parsed = bytes(Stage.PARSE);
        tabTo(robot, "the answer field", id("numberField"));
        type(robot, String.valueOf(parsed - 1));
        robot.push(KeyCode.ENTER);
        waitUntil("one byte short is wrong", () -> feedback().equals("WRONG"));
        String wrongIcon = feedbackIcon(robot);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        type(robot, String.valueOf(parsed));
        robot.push(KeyCode.ENTER);
        waitUntil("the byte count is right", () -> feedback().equals("CORRECT"));
        // a verdict is not told by its colour alone: its own icon, and words
        assertThat(feedbackIcon(robot)).as("right and wrong have their own icons").isNotEqualTo(wrongIcon);
        assertThat(fx(() -> lesson().feedbackProperty().get())).isNotBlank();

        robot.push(KeyCode.PAGE_DOWN);
        waitForStep("Step 4 of 5");
        tabTo(robot, "the answer field", id("numberField"));
        type(robot, String.valueOf(bytes(Stage.SEND)));
        robot.push(KeyCode.ENTER);
        waitUntil("the send bytes are right", () -> feedback().equals("CORRECT"));

        robot.push(KeyCode.PAGE_DOWN);
        waitForStep("Step 5 of 5");
        waitUntil("the lesson is complete and there is no next step", () -> lesson().completionProperty().get() >= 1
                && !lesson().canNextProperty().get());
        assertThat(fx(() -> lesson().completionTextProperty().get())).startsWith("100 % done");
        assertThat(path).as("from the exchange list to the answer: no detour through the whole window").hasSizeLessThan(12);
        System.out.println("Tabs from " + from + " to the prediction field: " + path);
    }

    @Test
    void tabGoesRoundTheWholeWindowAndBackWithoutATrap(FxRobot robot) {
        dev.roundtrip.lesson.Lesson dance = LessonLibrary.load().find("01-the-dance").orElseThrow();
        fx(() -> view.lessons().open(dance));
        waitUntil("the lesson panel is shown", () -> view.root().getRight() == view.lessons().panel().root() && !lesson().runningProperty().get());
        fx(() -> view.diagram().requestFocus());
        Node start = focused();
        assertThat(start).isSameAs(view.diagram());
        List<String> round = new ArrayList<>();
        Node last = start;
        for (int i = 0; i < MAX_TABS * 2; i++) {
            robot.push(KeyCode.TAB);
            Node now = focused();
            round.add(now == null ? "none" : now.getClass().getSimpleName() + "#" + now.getId());
            assertThat(now).as("Tab moves the focus on (a text area must not keep it): %s", round).isNotSameAs(last);
            last = now;
            if (now == start) break;
        }
        assertThat(last).as("Tab came back round to the diagram: %s", round).isSameAs(start);
        for (int i = 0; i < round.size(); i++) robot.push(KeyCode.SHIFT, KeyCode.TAB);
        assertThat(focused()).as("Shift+Tab goes back the same way").isSameAs(start);
        System.out.println("Tab order: " + round);
    }

    @Test
    void withoutALessonTabGoesThroughTheRequestPaneAndOutOfItsTextAreas(FxRobot robot) {
        fx(() -> view.root().lookup("#targetField").requestFocus());
        Node start = focused();
        assertThat(start.getId()).isEqualTo("targetField");
        List<String> round = new ArrayList<>();
        Node last = start;
        for (int i = 0; i < MAX_TABS * 2 && (i == 0 || last != start); i++) {
            robot.push(KeyCode.TAB);
            Node now = focused();
            round.add(now == null ? "none" : now.getClass().getSimpleName() + "#" + now.getId());
            assertThat(now).as("Tab moves the focus on: %s", round).isNotSameAs(last);
            last = now;
        }
        assertThat(last).as("Tab came back round: %s", round).isSameAs(start);
        assertThat(round).as("the headers field is a stop, not a trap").contains("TextArea#headersArea");
        assertThat(fx(() -> ((javafx.scene.control.TextArea) view.root().lookup("#headersArea")).getText())).doesNotContain("\t");
        System.out.println("Tab order without a lesson: " + round);
    }

    @Test
    void spacePressesAButtonTheKeyboardReachedButAfterAClickItStillPlays(FxRobot robot) {
        robot.clickOn("#preset-users1");
        assertThat(focused().getId()).isEqualTo("preset-users1");
        boolean playing = fx(() -> vm.playback().playingProperty().get());
        robot.push(KeyCode.SPACE);
        waitUntil("Space toggled play / pause after the click", () -> vm.playback().playingProperty().get() != playing);
        fx(() -> vm.composer().targetProperty().set("/elsewhere"));
        robot.push(KeyCode.SHIFT, KeyCode.TAB);
        robot.push(KeyCode.TAB);
        assertThat(focused().getId()).isEqualTo("preset-users1");
        boolean now = fx(() -> vm.playback().playingProperty().get());
        robot.push(KeyCode.SPACE);
        waitUntil("Space pressed the preset the keyboard moved to", () -> vm.composer().targetProperty().get().equals("/users/1"));
        assertThat(fx(() -> vm.playback().playingProperty().get())).isEqualTo(now);
    }

    private String feedbackIcon(FxRobot robot) {
        return fx(() -> {
            javafx.scene.control.Label l = robot.lookup(".lesson-feedback").queryAs(javafx.scene.control.Label.class);
            return l.getGraphic() instanceof org.kordamp.ikonli.javafx.FontIcon ? ((org.kordamp.ikonli.javafx.FontIcon) l.getGraphic()).getIconLiteral() : "";
        });
    }

    private long bytes(Stage s) {
        long id = fx(() -> lesson().latestExchangeProperty().get());
        return vm.recording().exchange(id).orElseThrow().events().stream()
                .filter(e -> e.stage() == s && e.bytes() != null).mapToLong(e -> e.bytes().count()).sum();
    }
}
