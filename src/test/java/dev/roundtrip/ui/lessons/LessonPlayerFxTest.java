package dev.roundtrip.ui.lessons;

import static dev.roundtrip.ui.FxWait.fx;
import static dev.roundtrip.ui.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.files.RoundtripHome;
import dev.roundtrip.gate.GateMode;
import dev.roundtrip.lesson.LessonLibrary;
import dev.roundtrip.lesson.LessonProgress;
import dev.roundtrip.lesson.ProgressStore;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.ui.LayoutCheck;
import dev.roundtrip.ui.LiveWindow;
import dev.roundtrip.ui.TempHome;
import dev.roundtrip.ui.shell.LiveLabPort;
import dev.roundtrip.ui.shell.MainView;
import dev.roundtrip.ui.shell.MainViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
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
import org.testfx.util.WaitForAsyncUtils;

/** The lesson player in the main window on a real lab, headless: what a teacher's clicks and keys do. */
@ExtendWith(ApplicationExtension.class)
class LessonPlayerFxTest {
    @TempDir
    static Path home;
    private static TempHome userHome;
    private LiveWindow window;
    private LiveLabPort port;
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
        port = window.port;
        vm = window.vm;
        view = window.view;
    }

    @AfterEach
    void stop() {
        window.close();
        System.clearProperty(LessonLibrary.DIR_PROPERTY);
    }

    /**
     * What the panel's close button does. At 1280 px the window gives the panel less room than it asks
     * for (the center keeps its minimum width), so the button may sit past the window's right edge.
     */
    private void closeLesson() {
        fx(() -> view.lessons().closeLesson());
    }

    private LessonPanelViewModel lesson() {
        return view.lessons().viewModel();
    }

    private void waitForStep(String text) {
        waitUntil(text + " is shown and its action ran",
                () -> lesson().stepTextProperty().get().equals(text) && !lesson().runningProperty().get());
    }

    private void browseAndOpen(FxRobot robot, String id) {
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L);
        waitUntil("the browser lists lessons", () -> !view.lessons().browserViewModel().rows().isEmpty());
        ListView<LessonBrowserViewModel.Row> list = robot.lookup("#lessonList").queryListView();
        int index = fx(() -> {
            for (int i = 0; i < list.getItems().size(); i++) if (list.getItems().get(i).id().equals(id)) return i;
            return -1;
        });
        assertThat(index).as("%s is listed", id).isNotNegative();
        fx(() -> {
            list.getSelectionModel().select(index);
        });
        robot.clickOn("#openLesson");
        waitUntil("the lesson panel shows " + id, () -> lesson().lessonIdProperty().get().equals(id)
                && view.root().getRight() == view.lessons().panel().root());
    }

    /** Clicks a control of the lesson panel, scrolling it into view first (a long narration pushes it down). */
    private void click(FxRobot robot, String query) {
        Node n = fx(() -> robot.lookup(query).query());
        fx(() -> {
            // a control made on this step has no skin, so no mouse handling, until a CSS pass; and a verdict just shown
            // moves what is below it on the next layout: both may still be to come on a loaded machine
            LayoutCheck.settle(view.root());
            javafx.scene.control.ScrollPane sp = (javafx.scene.control.ScrollPane) robot.lookup(".lesson-panel .scroll-pane").query();
            double content = sp.getContent().getLayoutBounds().getHeight();
            double viewport = sp.getViewportBounds().getHeight();
            double y = sp.getContent().sceneToLocal(n.localToScene(0, 0)).getY();
            if (content > viewport) sp.setVvalue(Math.min(1, Math.max(0, (y - 20) / (content - viewport))));
            sp.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(n);
    }

    /** Types into the answer field (it may be scrolled below a long narration) and presses Enter. */
    private void answer(FxRobot robot, String text) {
        javafx.scene.control.TextField field = robot.lookup("#numberField").queryAs(javafx.scene.control.TextField.class);
        fx(() -> {
            LayoutCheck.settle(view.root()); // a field just shown gets its skin, which takes the typed keys, on a CSS pass
            field.clear();
            field.requestFocus();
        });
        // typed into the field's window by name: TestFX's target is otherwise the last window it looked at (the browser)
        robot.targetWindow(fx(() -> field.getScene().getWindow()));
        robot.write(text).push(KeyCode.ENTER);
    }

    private int measuredStatus() {
        long id = fx(() -> lesson().latestExchangeProperty().get());
        return vm.recording().exchange(id).orElseThrow().response().orElseThrow().status();
    }

    private String feedbackClass(FxRobot robot) {
        return fx(() -> robot.lookup(".lesson-feedback").queryAs(Label.class).getStyleClass().stream()
                .filter(s -> s.startsWith("feedback-")).findFirst().orElse(""));
    }

    @Test
    void playsTheDanceForwardAndBackChecksAnswersFocusesAndKeepsProgress(FxRobot robot) throws Exception {
        browseAndOpen(robot, "01-the-dance");
        waitForStep("Step 1 of 5");
        assertThat(fx(() -> robot.lookup("#lifeline-server-kernel").query().getParent().getChildrenUnmodifiable().stream()
                .filter(n -> n.getStyleClass().contains("lifeline-head")).allMatch(n -> n.getStyleClass().contains("focused"))))
                .as("every lifeline head glows on step 1").isTrue();

        robot.push(KeyCode.ALT, KeyCode.RIGHT);
        waitForStep("Step 2 of 5");
        // predict, observe, explain: a (wrong) prediction first; only then is the request sent
        assertThat(fx(() -> robot.lookup("#checkButton").queryButton().getText())).isEqualTo("Lock in");
        assertThat(fx(() -> vm.exchanges().size())).isZero();
        answer(robot, "5000");
        waitUntil("the prediction is shown beside the measurement", () -> fx(() -> lesson().comparisonProperty().get()).startsWith("You predicted 5000 ms"));
        assertThat(fx(() -> robot.lookup(".lesson-comparison").queryAs(Label.class).isVisible())).isTrue();
        click(robot, "#choice-1");
        click(robot, "#checkButton");
        waitUntil("the status question follows the explanation", () -> fx(() -> lesson().phaseProperty().get()) == dev.roundtrip.lesson.LessonSession.Phase.QUESTION);
        waitUntil("the lesson's exchange is listed and selected", () -> vm.selectedIdProperty().get() == lesson().latestExchangeProperty().get()
                && vm.exchanges().size() == 1);
        int status = measuredStatus();
        int right = 0;
        int wrong = 0;
        for (int i = 1; ; i++) {
            int n = i;
            RadioButton choice = fx(() -> robot.lookup("#choice-" + n).tryQuery().map(RadioButton.class::cast).orElse(null));
            if (choice == null) break;
            assertThat(fx(choice::isMnemonicParsing)).as("an underscore (TCP_NODELAY) is shown as written").isFalse();
            String text = fx(choice::getText);
            if (text.contains(status + " ")) right = i;
            else wrong = i;
        }
        assertThat(right).as("a choice for the measured status %d", status).isPositive();
        click(robot, "#choice-" + wrong);
        click(robot, "#checkButton");
        waitUntil("wrong feedback", () -> feedbackClass(robot).equals("feedback-wrong"));
        click(robot, "#choice-" + right);
        click(robot, "#checkButton");
        waitUntil("right feedback", () -> feedbackClass(robot).equals("feedback-correct"));
        assertThat(fx(() -> robot.lookup(".lesson-feedback").queryAs(Label.class).getText())).contains("The measured status was " + status);

        // Page Down (a presenter's clicker) goes on; the step points at the Bytes tab and the parse row
        robot.clickOn("#diagram");
        robot.push(KeyCode.PAGE_DOWN);
        waitForStep("Step 3 of 5");
        TabPane tabs = robot.lookup("#inspectorTabs").queryAs(TabPane.class);
        waitUntil("the Bytes tab is selected", () -> tabs.getSelectionModel().getSelectedItem().getId().equals("bytesTab"));
        assertThat(fx(() -> List.copyOf(robot.lookup("#step-parse").query().getStyleClass()))).contains("focused");
        assertThat(fx(() -> List.copyOf(robot.lookup("#step-send").query().getStyleClass()))).doesNotContain("focused");
        long bytes = vm.recording().exchange(fx(() -> lesson().latestExchangeProperty().get())).orElseThrow().events().stream()
                .filter(e -> e.stage() == Stage.PARSE && e.bytes() != null).mapToLong(e -> e.bytes().count()).sum();
        answer(robot, String.valueOf(bytes - 1));
        waitUntil("wrong feedback for a number", () -> feedbackClass(robot).equals("feedback-wrong"));
        answer(robot, String.valueOf(bytes));
        waitUntil("right feedback for a number", () -> feedbackClass(robot).equals("feedback-correct"));
        assertThat(fx(() -> lesson().completionTextProperty().get())).isEqualTo("60 % done · predictions 0 of 1 right");

        // the clicker's Page Up goes back even while the answer field has the keyboard
        assertThat(fx(() -> robot.lookup("#numberField").query().isFocused())).isTrue();
        robot.push(KeyCode.PAGE_UP);
        waitForStep("Step 2 of 5");
        assertThat(feedbackClass(robot)).as("step 2's verdict is kept").isEqualTo("feedback-correct");
        assertThat(fx(() -> vm.exchanges().size())).as("going back sends nothing").isEqualTo(1);

        // closing and reopening the lesson: it continues where it was, and the progress is on disk
        closeLesson();
        waitUntil("the panel is gone", () -> view.root().getRight() == null && !lesson().openProperty().get());
        LessonProgress saved = new ProgressStore(home.resolve(RoundtripHome.PROGRESS_FILE_NAME)).get("01-the-dance");
        assertThat(saved.currentStep()).isEqualTo(2);
        assertThat(saved.completedSteps()).containsExactlyInAnyOrder(1, 2, 3);
        browseAndOpen(robot, "01-the-dance");
        assertThat(fx(() -> view.lessons().browserViewModel().rows().get(0).progressText())).isEqualTo("step 2 of 5");
        waitForStep("Step 2 of 5");
        assertThat(fx(() -> lesson().completionTextProperty().get())).isEqualTo("60 % done · predictions 0 of 1 right");
    }

    @Test
    void theLessonStylesheetJoinsTheWindowWhenALessonFirstOpens(FxRobot robot) {
        assertThat(fx(() -> view.root().getStylesheets().contains(LessonPlayer.STYLESHEET))).as("the first frame has no lesson rules").isFalse();
        browseAndOpen(robot, "01-the-dance"); // at the step kept from an earlier test, if any
        waitUntil("the panel's title is shown", () -> robot.lookup(".lesson-title").tryQuery().isPresent());
        // the panel was just added: its font comes from the stylesheet's rule on the CSS pass, which may not have run yet
        Label title = fx(() -> {
            LayoutCheck.settle(view.root());
            return robot.lookup(".lesson-title").queryAs(Label.class);
        });
        assertThat(fx(() -> title.getFont().getStyle())).as("the panel's own rule applies: its title is bold").containsIgnoringCase("bold");
        closeLesson();
        browseAndOpen(robot, "01-the-dance");
        assertThat(fx(() -> view.root().getStylesheets().stream().filter(LessonPlayer.STYLESHEET::equals).count()))
                .as("opened twice, added once").isEqualTo(1L);
    }

    @Test
    void aClosedLessonLeavesNoHighlightBehind(FxRobot robot) {
        browseAndOpen(robot, "10-keep-alive");
        waitUntil("the step points at the exchange list", () -> robot.lookup("#exchangeTable").query().getStyleClass().contains("lesson-focus"));
        assertThat(fx(() -> robot.lookup(".focused").queryAll())).as("the client kernel lifeline glows").isNotEmpty();
        closeLesson();
        waitUntil("the panel is gone", () -> !lesson().openProperty().get());
        waitUntil("no highlight is left", () -> robot.lookup(".lesson-focus").queryAll().isEmpty() && robot.lookup(".focused").queryAll().isEmpty());
    }

    @Test
    void presenterViewShowsTheTabAStepPointsAt(FxRobot robot) {
        TabPane tabs = view.inspector().root();
        fx(() -> vm.presenterProperty().set(true));
        assertThat(fx(() -> view.centerSplit().getItems().contains(tabs))).as("presenter view: the diagram alone").isFalse();
        browseAndOpen(robot, "03-anatomy-of-a-request"); // step 1 points at the Bytes tab
        waitUntil("the Bytes tab is beside the diagram", () -> view.centerSplit().getItems().contains(tabs)
                && tabs.getSelectionModel().getSelectedItem().getId().equals("bytesTab"));
        closeLesson();
        waitUntil("the diagram alone again", () -> !view.centerSplit().getItems().contains(tabs));
    }

    @Test
    void aLessonsBreakpointShowsInTheRunStepControls(FxRobot robot) {
        browseAndOpen(robot, "05-the-kernels-role");
        waitForStep("Step 1 of 6");
        waitUntil("breakpoints mode with parse marked", () -> vm.gates().modeProperty().get() == GateMode.BREAKPOINTS
                && robot.lookup("#bp-parse").queryAs(javafx.scene.control.ToggleButton.class).isSelected());
        assertThat(fx(() -> robot.lookup("#runToggle").queryAs(javafx.scene.control.ToggleButton.class).isSelected())).isFalse();
        closeLesson();
        waitUntil("run mode again", () -> vm.gates().modeProperty().get() == GateMode.RUN && vm.gates().breakpoints().isEmpty());
    }

    @Test
    void theBrowserListsEveryLessonAndTheErrorsOfABrokenFile(FxRobot robot) throws Exception {
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L);
        waitUntil("the browser lists lessons", () -> !view.lessons().browserViewModel().rows().isEmpty());
        long shipped;
        try (var s = Files.list(Path.of("lessons"))) {
            shipped = s.filter(p -> p.toString().endsWith(".yaml")).count();
        }
        assertThat(fx(() -> robot.lookup("#lessonList").queryListView().getItems().size())).isEqualTo((int) shipped);
        assertThat(fx(() -> robot.lookup("#lessonErrorBox").query().isVisible())).isFalse();
        fx(() -> {
            view.lessons().browser().stage().hide();
        });

        Path dir = home.resolve("lessons");
        Files.createDirectories(dir);
        Files.copy(Path.of("lessons/01-the-dance.yaml"), dir.resolve("01-the-dance.yaml"));
        Files.writeString(dir.resolve("02-broken.yaml"), "id: 02-broken\ntitle: Broken\nlevel: expert\ngoals: [x]\nsteps:\n  - narration: hi\n");
        System.setProperty(LessonLibrary.DIR_PROPERTY, dir.toString());
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L);
        waitUntil("one lesson and the error are listed", () -> view.lessons().browserViewModel().rows().size() == 1
                && !view.lessons().browserViewModel().errors().isEmpty());
        assertThat(fx(() -> robot.lookup("#lessonErrorBox").query().isVisible())).isTrue();
        assertThat(fx(() -> robot.lookup("#lessonErrors").queryAs(TextArea.class).getText())).containsPattern("02-broken\\.yaml:3(:\\d+)?: .*expert");
        assertThat(fx(() -> robot.lookup("#lessonList").queryListView().getItems().size())).isEqualTo(1);
    }
}
