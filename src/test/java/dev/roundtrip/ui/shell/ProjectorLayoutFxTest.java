package dev.roundtrip.ui.shell;

import java.util.List;

import static dev.roundtrip.ui.FxWait.fx;
import static dev.roundtrip.ui.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.lesson.Lesson;
import dev.roundtrip.lesson.LessonLibrary;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.ui.LayoutCheck;
import dev.roundtrip.ui.LiveWindow;
import dev.roundtrip.ui.WindowOnScreen;
import dev.roundtrip.ui.SavedSamples;
import dev.roundtrip.ui.lessons.LessonPanelViewModel;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The main window on a projector's screen (Monocle's screen set to its size): nothing leaves the window,
 * no label is cut to "…", no toolbar overflows, and the diagram's text is at least 14 px.
 */
@ExtendWith(ApplicationExtension.class)
class ProjectorLayoutFxTest {
    /** The language the window is shown in; {@link ProjectorLayoutGermanFxTest} runs every case in German. */
    Locale language() {
        return Locale.ENGLISH;
    }

    @RegisterExtension
    final WindowOnScreen display = new WindowOnScreen();
    private Stage stage;
    private LiveWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private void show(int width, int height) {
        window = display.show(stage, width, height, language());
    }

    private void sendAndFinish(String target) {
        fx(() -> {
            window.vm.composer().targetProperty().set(target);
            window.vm.send();
        });
        waitUntil(target + " settled", () -> !window.vm.recording().exchanges().isEmpty()
                && window.vm.recording().exchanges().stream().allMatch(x -> x.outcome() != Outcome.PENDING)
                && window.vm.exchanges().size() == window.vm.recording().exchanges().size());
        window.showWholeExchangeAtItsEnd();
    }

    private void assertReadable() {
        assertThat(fx(() -> LayoutCheck.problems(stage.getScene()))).as("layout problems").isEmpty();
        assertThat(fx(() -> LayoutCheck.smallestFont(window.view.diagram()))).as("the diagram's smallest font, px")
                .isGreaterThanOrEqualTo(LayoutCheck.MIN_DIAGRAM_FONT);
        assertWholeAcross(window.view.diagram());
    }

    /** Every lifeline's head is in the diagram's view: the exchange is seen whole across, without panning. */
    private static void assertWholeAcross(dev.roundtrip.ui.diagram.SequenceDiagram d) {
        javafx.geometry.Bounds space = fx(() -> d.localToScene(d.getLayoutBounds()));
        java.util.Set<javafx.scene.Node> heads = fx(() -> d.lookupAll(".lifeline-name"));
        assertThat(heads).as("lifelines drawn").hasSizeGreaterThanOrEqualTo(5);
        for (javafx.scene.Node head : heads) {
            javafx.geometry.Bounds b = fx(() -> head.localToScene(head.getLayoutBounds()));
            assertThat(b.getMinX() >= space.getMinX() - 0.5 && b.getMaxX() <= space.getMaxX() + 0.5)
                    .as("%s (x %.0f..%.0f) in the diagram's view (x %.0f..%.0f)", head.getId(), b.getMinX(), b.getMaxX(), space.getMinX(), space.getMaxX())
                    .isTrue();
        }
    }

    /** A request line longer than the list is wide wraps onto as many lines as it needs: the row grows, nothing is cut to "…". */
    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1280, 720", "1024, 768"})
    void aLongRequestInTheExchangeListWrapsWhole(int width, int height) {
        show(width, height);
        sendAndFinish("/poll?since=0&wait=0&name=ada&view=full");
        assertThat(fx(() -> LayoutCheck.problems(stage.getScene()))).as("layout problems").isEmpty();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1280, 720", "1024, 768", "1920, 1080"})
    void theMainWindowWithAnExchangeFitsAndReads(int width, int height) {
        show(width, height);
        sendAndFinish("/users/1");
        assertReadable();
        javafx.scene.control.ScrollPane hex = fx(() -> {
            javafx.scene.Node n = stage.getScene().lookup("#request-hex");
            while (!(n instanceof javafx.scene.control.ScrollPane)) n = n.getParent();
            return (javafx.scene.control.ScrollPane) n;
        });
        javafx.scene.Node line = fx(() -> ((javafx.scene.Parent) stage.getScene().lookup("#request-hex")).getChildrenUnmodifiable().get(0));
        assertThat(fx(() -> hex.getViewportBounds().getHeight() / line.getLayoutBounds().getHeight())).as("hex rows the Bytes tab shows")
                .isGreaterThanOrEqualTo(6);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1280, 720", "1024, 768", "1920, 1080"})
    void everyInspectorTabReadsWithAnExchange(int width, int height) {
        show(width, height);
        sendAndFinish("/users/1");
        for (dev.roundtrip.ui.inspector.InspectorTab tab : dev.roundtrip.ui.inspector.InspectorTab.values()) {
            fx(() -> window.view.inspector().show(tab));
            // a tab's panes are built when it is first shown; the tab pane's skin puts them on screen on a pulse after
            waitUntil("the " + tab + " tab is on screen", () -> window.view.inspector().tab(tab).getContent().getScene() != null);
            fx(() -> {
                window.view.root().applyCss();
                window.view.root().layout();
            });
            assertThat(fx(() -> LayoutCheck.problems(stage.getScene()))).as("layout problems with the %s tab shown", tab).isEmpty();
        }
    }

    @ParameterizedTest(name = "lesson {0} at 1280x720")
    @ValueSource(strings = {"01-the-dance", "05-the-kernels-role"})
    void everyStepOfALessonFitsAndReadsAt1280x720(String id) {
        everyStepFitsAndReads(1280, 720, id);
    }

    /** The panel is 320 px wide here. */
    @ParameterizedTest(name = "lesson {0} at 1024x768")
    @ValueSource(strings = {"01-the-dance", "05-the-kernels-role"})
    void everyStepOfALessonFitsAndReadsAt1024x768(String id) {
        everyStepFitsAndReads(1024, 768, id);
    }

    /**
     * The layout problems once the window has settled: the lesson panel coming in narrows the diagram, which
     * draws at its new width on a later pulse. A problem that stays is still reported, after the bound.
     */
    private List<String> problemsOnceSettled() {
        try {
            org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> fx(() -> {
                window.view.renderNow(System.nanoTime());
                return LayoutCheck.problems(stage.getScene()).isEmpty();
            }));
        } catch (java.util.concurrent.TimeoutException stays) {
            // reported below
        }
        return fx(() -> LayoutCheck.problems(stage.getScene()));
    }

    private void everyStepFitsAndReads(int width, int height, String id) {
        show(width, height);
        Lesson lesson = LessonLibrary.load().find(id).orElseThrow();
        LessonPanelViewModel panel = window.view.lessons().viewModel();
        fx(() -> { window.view.lessons().open(lesson); });
        for (int step = 1; step <= lesson.steps().size(); step++) {
            int n = step;
            if (step > 1) next(panel, n);
            waitUntil("step " + n + " of " + id + " is shown and its action ran", () -> atStep(panel, n) && !panel.runningProperty().get());
            assertThat(problemsOnceSettled()).as("layout problems at step %d of %s", n, id).isEmpty();
            assertThat(fx(() -> LayoutCheck.smallestFont(window.view.diagram()))).as("the diagram's smallest font at step %d, px", n)
                    .isGreaterThanOrEqualTo(LayoutCheck.MIN_DIAGRAM_FONT);
            if (fx(() -> window.view.diagram().isVisible())) assertWholeAcross(window.view.diagram());
            javafx.scene.layout.Region bar = (javafx.scene.layout.Region) fx(() -> stage.getScene().lookup("#completionBar"));
            javafx.scene.layout.Region lessonPanel = (javafx.scene.layout.Region) fx(() -> window.view.lessons().panel().root());
            assertThat(fx(() -> bar.getWidth())).as("the completion bar's width at step %d in a %.0f-pixel panel", n, fx(() -> lessonPanel.getWidth()))
                    .isGreaterThanOrEqualTo(fx(() -> lessonPanel.getWidth()) * 0.8);
        }
    }

    @org.junit.jupiter.api.Test
    void atALessonTheRequestPaneFoldsIntoAStripThatBringsItBackAndFoldsTheLessonPanel() {
        show(1280, 720);
        javafx.scene.Node pane = fx(() -> stage.getScene().lookup("#leftPane"));
        javafx.scene.Node strip = fx(() -> stage.getScene().lookup("#requestStrip"));
        assertThat(fx(() -> strip.isVisible())).isFalse();
        fx(() -> { window.view.lessons().open(LessonLibrary.load().find("01-the-dance").orElseThrow()); });
        waitUntil("the lesson panel is open and the request pane folded", () -> strip.isVisible() && !pane.isVisible()
                && window.view.root().getRight() == window.view.lessons().panel().root());
        // the panel and the strip just came in: the diagram has its new width after a layout pass, not before
        double diagram = fx(() -> {
            LayoutCheck.settle(window.view.root());
            return window.view.diagram().getWidth();
        });
        assertThat(diagram).as("the diagram's width at its readable scale, px").isGreaterThanOrEqualTo(fx(() -> window.view.diagram().prefWidth(-1)));

        fx(() -> ((javafx.scene.control.Button) stage.getScene().lookup("#showRequestPane")).fire());

        waitUntil("the request pane is back, the lesson panel folded to its strip", () -> pane.isVisible() && !strip.isVisible()
                && window.view.lessons().isCollapsed());
    }

    /** Lesson 12: each queue run is drawn readable, and no job's label has a take arrow through its words. */
    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1280, 720", "1024, 768"})
    void lesson12sQueueRunsReadWithNoLabelUnderAnArrow(int width, int height) {
        show(width, height);
        Lesson lesson = LessonLibrary.load().find("12-beyond-request-response").orElseThrow();
        LessonPanelViewModel panel = window.view.lessons().viewModel();
        var queue = window.view.lessons().queueDiagram();
        fx(() -> { window.view.lessons().open(lesson); });
        int runs = 0;
        for (int step = 1; step <= lesson.steps().size(); step++) {
            int n = step;
            if (step > 1) next(panel, n);
            waitUntil("step " + n + " ran", () -> atStep(panel, n) && !panel.runningProperty().get());
            if (!fx(() -> queue.isVisible())) continue;
            waitUntil("the queue run of step " + n + " is drawn to its end", () -> {
                queue.refresh();
                var s = queue.script();
                return s != null && s.summary().jobsDone() == s.setup().jobs();
            });
            runs++;
            // the inspector gives the queue its height but keeps its row of tabs whole; the divider moved on this step,
            // the heights follow on a layout pass
            fx(() -> LayoutCheck.settle(window.view.root()));
            javafx.scene.layout.Region tabs = (javafx.scene.layout.Region) fx(() -> stage.getScene().lookup("#inspectorTabs"));
            javafx.scene.layout.Region header = (javafx.scene.layout.Region) fx(() -> tabs.lookup(".tab-header-area"));
            assertThat(fx(() -> tabs.getHeight())).as("the inspector's height at step %d, px", n).isGreaterThanOrEqualTo(fx(() -> header.getHeight()));
            assertThat(fx(() -> LayoutCheck.smallestFont(queue))).as("the queue diagram's smallest font at step %d, px", n)
                    .isGreaterThanOrEqualTo(LayoutCheck.MIN_DIAGRAM_FONT);
            assertThat(problemsOnceSettled()).as("layout problems at step %d", n).isEmpty();
            // the queue diagram clips what it cannot show: its heads, legend and banner are whole inside it
            javafx.geometry.Bounds shown = fx(() -> queue.localToScene(queue.getLayoutBounds()));
            for (javafx.scene.Node words : fx(() -> queue.lookupAll(".lifeline-name, .queue-legend, .banner-title, .queue-figures"))) {
                javafx.geometry.Bounds b = fx(() -> words.localToScene(words.getLayoutBounds()));
                assertThat(b.getMinX() >= shown.getMinX() - 0.5 && b.getMaxX() <= shown.getMaxX() + 0.5
                        && b.getMinY() >= shown.getMinY() - 0.5 && b.getMaxY() <= shown.getMaxY() + 0.5)
                        .as("'%s' (x %.0f..%.0f, y %.0f..%.0f) inside the queue diagram (x %.0f..%.0f, y %.0f..%.0f) at step %d",
                                fx(() -> ((javafx.scene.control.Labeled) words).getText()), b.getMinX(), b.getMaxX(), b.getMinY(), b.getMaxY(),
                                shown.getMinX(), shown.getMaxX(), shown.getMinY(), shown.getMaxY(), n)
                        .isTrue();
            }
            for (javafx.scene.Node label : fx(() -> queue.lookupAll(".queue-job-label"))) {
                if (fx(() -> label.getParent().lookup(".queue-label-back") != null)) continue;
                javafx.geometry.Bounds words = fx(() -> label.localToScene(label.getLayoutBounds()));
                for (javafx.scene.Node take : fx(() -> queue.lookupAll(".arrow-line.queue-take"))) {
                    javafx.geometry.Bounds line = fx(() -> take.localToScene(take.getLayoutBounds()));
                    assertThat(words.intersects(line)).as("%s crossed by a take arrow at step %d", ((javafx.scene.text.Text) label).getText(), n).isFalse();
                }
            }
        }
        assertThat(runs).as("queue runs seen").isPositive();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1280, 720", "1024, 768"})
    void theLessonBrowserFitsTheScreenAndReads(int width, int height) {
        show(width, height);
        fx(() -> window.view.lessons().browse());
        waitUntil("the browser lists lessons", () -> !window.view.lessons().browserViewModel().rows().isEmpty());
        Scene browser = fx(() -> window.view.lessons().browser().stage().getScene());
        assertFits(browser, width, height);
        // a long goal (German lesson 05's is 116 characters) wraps: the list never scrolls sideways
        javafx.scene.control.ListView<?> list = (javafx.scene.control.ListView<?>) fx(() -> browser.lookup("#lessonList"));
        for (int i = 0; i < fx(() -> list.getItems().size()); i++) {
            int row = i;
            fx(() -> {
                list.scrollTo(row);
                LayoutCheck.settle(list);
            });
            assertThat(fx(() -> list.lookupAll(".scroll-bar").stream()
                    .filter(b -> ((javafx.scene.control.ScrollBar) b).getOrientation() == javafx.geometry.Orientation.HORIZONTAL)
                    .noneMatch(javafx.scene.Node::isVisible)))
                    .as("the lesson list scrolls sideways at row %d", row).isTrue();
            // only the goals on screen: the list keeps a hidden measuring cell that is never laid out
            for (javafx.scene.Node goal : fx(() -> LayoutCheck.shownOnly(list.lookupAll(".browser-goals")))) {
                javafx.geometry.Bounds b = fx(() -> goal.localToScene(goal.getLayoutBounds()));
                javafx.geometry.Bounds l = fx(() -> list.localToScene(list.getLayoutBounds()));
                assertThat(b.getMaxX()).as("the right edge of goal '%s' in the list (x ..%.0f)", fx(() -> ((javafx.scene.control.Label) goal).getText()), l.getMaxX())
                        .isLessThanOrEqualTo(l.getMaxX());
                javafx.geometry.Bounds cell = fx(() -> {
                    javafx.scene.Node c = goal;
                    while (!(c instanceof javafx.scene.control.ListCell)) c = c.getParent();
                    return c.localToScene(c.getLayoutBounds());
                });
                assertThat(b.getMaxY()).as("the foot of goal '%s' in its row (y ..%.0f)", fx(() -> ((javafx.scene.control.Label) goal).getText()), cell.getMaxY())
                        .isLessThanOrEqualTo(cell.getMaxY() + 0.5);
            }
            assertThat(fx(() -> LayoutCheck.problems(browser))).as("layout problems at row %d", row).isEmpty();
        }
        fx(() -> { window.view.lessons().browser().stage().hide(); });
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1280, 720", "1024, 768"})
    void theCompareWindowFitsTheScreenAndReads(int width, int height) {
        show(width, height);
        sendAndFinish("/users/1");
        fx(() -> ((javafx.scene.control.Button) stage.getScene().lookup("#resendButton")).fire());
        waitUntil("the re-sent exchange was compared", () -> display.recordings().resend().resentProperty().get() != null
                && display.recordings().compareView().stage() != null && display.recordings().compareView().stage().isShowing());
        Scene compare = fx(() -> display.recordings().compareView().stage().getScene());
        assertFits(compare, width, height);
        assertThat(fx(() -> display.recordings().compareView().isSideBySide())).as("two diagrams side by side on a %d-pixel screen", width).isFalse();
        var tabs = (javafx.scene.control.TabPane) fx(() -> compare.lookup("#compareTabs"));
        for (var d : java.util.List.of(display.recordings().compareView().before(), display.recordings().compareView().after())) {
            fx(() -> tabs.getSelectionModel().select(d == display.recordings().compareView().before() ? 0 : 1));
            assertThat(fx(() -> LayoutCheck.problems(compare))).as("layout problems").isEmpty();
            assertThat(fx(() -> LayoutCheck.smallestFont(d))).as("a compared diagram's smallest font, px").isGreaterThanOrEqualTo(LayoutCheck.MIN_DIAGRAM_FONT);
            assertWholeAcross(d);
        }
        fx(() -> { display.recordings().compareView().stage().hide(); });
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1280, 720", "1024, 768"})
    void theRestoreBarFitsAndReads(int width, int height) throws Exception {
        show(width, height);
        SavedSamples.leftoverAutosave();
        fx(() -> display.recordings().startAutosave());
        waitUntil("the restore bar is offered", () -> stage.getScene().lookup("#restoreBar").isVisible());
        assertReadable();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1280, 720", "1024, 768"})
    void theReplayBarOfARestoredAutosaveFitsAndReads(int width, int height) throws Exception {
        show(width, height);
        SavedSamples.leftoverAutosave();
        fx(() -> display.recordings().startAutosave());
        waitUntil("the restore bar is offered", () -> stage.getScene().lookup("#restoreBar").isVisible());
        fx(() -> display.recordings().sessions().restoreOffer().restoreLeftover());
        waitUntil("the restored autosave is shown as a replay", () -> window.vm.replayingProperty().get()
                && stage.getScene().lookup("#closeReplayButton").isVisible());
        assertThat(fx(() -> LayoutCheck.problems(stage.getScene()))).as("layout problems").isEmpty();
        assertStatusBarReads();
        javafx.scene.Node bar = fx(() -> stage.getScene().lookup("#sessionBar"));
        assertThat(fx(() -> bar.getLayoutBounds().getHeight())).as("the replay bar's height, px").isLessThan(90);
    }

    /**
     * The status bar's two texts share its width: neither is squeezed into a column (the replay status
     * in German is long), and the bar stays at most three lines high.
     */
    private void assertStatusBarReads() {
        javafx.scene.layout.Region status = (javafx.scene.layout.Region) fx(() -> stage.getScene().lookup("#statusLabel"));
        javafx.scene.layout.Region message = (javafx.scene.layout.Region) fx(() -> stage.getScene().lookup("#messageLabel"));
        javafx.scene.layout.Region bar = (javafx.scene.layout.Region) fx(() -> status.getParent());
        double line = fx(() -> ((javafx.scene.control.Label) status).getFont().getSize()) * 1.4;
        for (javafx.scene.layout.Region text : List.of(status, message)) {
            assertThat(fx(() -> text.getWidth())).as("%s's width in a %.0f-pixel status bar", text.getId(), fx(() -> bar.getWidth()))
                    .isGreaterThanOrEqualTo(fx(() -> bar.getWidth()) / 4);
        }
        assertThat(fx(() -> bar.getHeight())).as("the status bar's height, px").isLessThanOrEqualTo(3 * line + 12);
    }

    /** The panel shows step {@code n} (in any language: the panel's text is "Step n of m" in English). */
    private static boolean atStep(LessonPanelViewModel panel, int n) {
        return panel.session().map(s -> s.stepNumber() == n).orElse(false) && !panel.stepTextProperty().get().isEmpty();
    }

    /** Presses Next once the lesson can go on (the step's action has ended and the panel knows it). */
    private void next(LessonPanelViewModel panel, int step) {
        waitUntil("Next can be pressed for step " + step, () -> panel.canNextProperty().get());
        fx(() -> { window.view.lessons().next(); });
    }

    /** A window of its own: on the screen, and readable inside. */
    private static void assertFits(Scene scene, int width, int height) {
        javafx.stage.Window w = scene.getWindow();
        assertThat(fx(() -> w.getX() >= 0 && w.getY() >= 0 && w.getX() + w.getWidth() <= width && w.getY() + w.getHeight() <= height))
                .as("the window %s lies on the %dx%d screen", fx(() -> w.getX() + "," + w.getY() + " " + w.getWidth() + "x" + w.getHeight()), width, height).isTrue();
        assertThat(fx(() -> LayoutCheck.problems(scene))).as("layout problems").isEmpty();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1280, 720", "1024, 768"})
    void presenterViewFitsAndReads(int width, int height) {
        show(width, height);
        sendAndFinish("/users/1");
        fx(() -> window.vm.togglePresenter());
        assertReadable();
    }
}
