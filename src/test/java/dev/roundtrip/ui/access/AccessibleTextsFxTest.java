package dev.roundtrip.ui.access;

import static dev.roundtrip.ui.FxWait.fx;
import static dev.roundtrip.ui.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.gate.GateMode;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.ui.LiveWindow;
import dev.roundtrip.ui.diagram.SequenceDiagram;
import dev.roundtrip.ui.shell.MainView;
import dev.roundtrip.ui.shell.MainViewModel;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Control;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What a screen reader reads back from the main window on a real lab: the diagram's elements after a
 * real exchange, the stage announced as it changes, and a name for every control.
 */
@ExtendWith(ApplicationExtension.class)
class AccessibleTextsFxTest {
    private LiveWindow window;
    private MainView view;
    private MainViewModel vm;

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

    private static Object read(Node n, AccessibleAttribute a) {
        return fx(() -> n.queryAccessibleAttribute(a));
    }

    private Exchange only() {
        return vm.recording().exchanges().get(0);
    }

    private long bytes(Stage s) {
        return only().events().stream().filter(e -> e.stage() == s && e.bytes() != null).mapToLong(e -> e.bytes().count()).sum();
    }

    @Test
    void afterARealExchangeEveryDiagramElementHasARoleAndSaysWhatItShows(FxRobot robot) {
        robot.clickOn("#preset-users1");
        robot.clickOn("#sendButton");
        waitUntil("the exchange settled with five stages drawn", () -> vm.recording().exchanges().size() == 1
                && only().outcome() != Outcome.PENDING && robot.lookup("#step-interpret").tryQuery().isPresent());
        waitUntil("the outcome is drawn", () -> "Outcome: 200 OK".equals(read(robot.lookup("#outcome").query(), AccessibleAttribute.TEXT)));

        Node parse = fx(() -> robot.lookup("#step-parse").query());
        assertThat(read(parse, AccessibleAttribute.ROLE)).isEqualTo(AccessibleRole.TEXT);
        long parsed = bytes(Stage.PARSE);
        assertThat((String) read(parse, AccessibleAttribute.TEXT))
                .matches("parse, " + parsed + " bytes, 1 read, [0-9.]+ (nano|micro|milli)seconds?");
        assertThat(read(parse, AccessibleAttribute.HELP)).isEqualTo("Arrow from Server kernel to Server");
        assertThat((String) read(fx(() -> robot.lookup("#step-send").query()), AccessibleAttribute.TEXT))
                .matches("send, GET /users/1, " + bytes(Stage.SEND) + " bytes, 1 write, .+");
        assertThat((String) read(fx(() -> robot.lookup("#step-process").query()), AccessibleAttribute.TEXT)).startsWith("process, 1 SQL call, ");
        assertThat((String) read(fx(() -> robot.lookup("#step-respond").query()), AccessibleAttribute.TEXT)).startsWith("respond, 200 OK, ");

        // the arrows themselves, the SQL call with its statement and rows
        List<String> arrows = fx(() -> {
            List<String> out = new ArrayList<>();
            for (Node n : robot.lookup("#step-send .arrow-line").queryAll()) out.add((String) n.getParent().queryAccessibleAttribute(AccessibleAttribute.TEXT));
            return out;
        });
        assertThat(arrows).containsExactly("Arrow from Client through Client kernel to Server kernel");
        Node sql = fx(() -> robot.lookup("#step-process .sql-call").query().getParent());
        assertThat(read(sql, AccessibleAttribute.ROLE)).isEqualTo(AccessibleRole.TEXT);
        assertThat((String) read(sql, AccessibleAttribute.TEXT)).matches("SQL call to the Database: SELECT .+, 1 row, .+");
        Node respondArrow = fx(() -> robot.lookup("#step-respond .message").query().getParent());
        assertThat(read(respondArrow, AccessibleAttribute.TEXT)).isEqualTo("Response arrow, dashed, from Server to Client kernel");

        // the words drawn inside a row are its name, not five more elements to wade through
        Node figures = fx(() -> robot.lookup("#figures-parse").query());
        assertThat(read(figures, AccessibleAttribute.ROLE)).isEqualTo(AccessibleRole.NODE);

        for (String[] l : new String[][] {{"client", "Client"}, {"client-kernel", "Client kernel"}, {"server-kernel", "Server kernel"},
                {"server", "Server"}, {"database", "Database"}}) {
            Node head = fx(() -> robot.lookup("#lifeline-" + l[0]).query());
            assertThat(read(head, AccessibleAttribute.ROLE)).isEqualTo(AccessibleRole.TEXT);
            assertThat(read(head, AccessibleAttribute.TEXT)).isEqualTo("Lifeline: " + l[1]);
        }
    }

    @Test
    void theStageBeingShownIsAnnouncedWhenItChangesAndTheHeldGateWithIt(FxRobot robot) {
        SequenceDiagram diagram = view.diagram();
        assertThat(fx(diagram::spoken)).startsWith("Sequence diagram: nothing sent yet.");
        robot.clickOn("#stepToggle");
        waitUntil("step mode is on", () -> window.port.lab().gates().mode() == GateMode.STEP);
        robot.clickOn("#preset-users1");
        robot.clickOn("#sendButton");
        waitUntil("held before send is announced", () -> diagram.spoken().endsWith("Held before send. Press Step (the right arrow key) to let it run."));
        robot.clickOn("#stepButton");
        waitUntil("held before parse, after the send stage", () -> vm.scriptProperty().get().heldBefore() == Stage.PARSE
                && diagram.spoken().contains("Held before parse."));
        assertThat(fx(diagram::spoken)).matches("Stage \\d of \\d: send, GET /users/1, \\d+ bytes, 1 write, .+\\. Held before parse\\. .+");
        assertThat(read(diagram, AccessibleAttribute.TEXT)).isEqualTo(fx(diagram::spoken));
        assertThat(read(diagram, AccessibleAttribute.ROLE)).isEqualTo(AccessibleRole.TEXT);

        // let it finish, then walk back through the playback: each stage is announced with its figures. Listened to
        // before the release: a slow machine may settle the exchange only after the animation has reached its end
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        fx(() -> diagram.accessibleTextProperty().addListener((o, a, t) -> heard.add(t)));
        fx(() -> vm.gates().modeProperty().set(GateMode.RUN));
        robot.clickOn("#stepButton");
        // settled on both sides, and drawn so: the server's respond may end after the client has interpreted
        waitUntil("the exchange settled", () -> dev.roundtrip.ui.LiveWindow.everyStageEnded(only()) && vm.scriptProperty().get().heldBefore() == null
                && vm.scriptProperty().get().equals(dev.roundtrip.ui.diagram.DiagramScript.of(only(), vm.recording().exchanges())));
        int steps = fx(() -> vm.scriptProperty().get().steps().size());
        String last = "Stage " + steps + " of " + steps + ": interpret, ";
        waitUntil("the animation reached the end, the last stage announced", () -> vm.playback().atEnd() && diagram.spoken().startsWith(last));
        fx(vm::stepBack);
        waitUntil("one stage back, respond is announced", () -> diagram.spoken().startsWith("Stage " + (steps - 1) + " of " + steps + ": respond, 200 OK, "));
        assertThat(heard).anyMatch(t -> t.startsWith(last)).last().asString().startsWith("Stage " + (steps - 1));
    }

    @Test
    void everyControlHasANameAScreenReaderSays() {
        dev.roundtrip.lesson.Lesson dance = dev.roundtrip.lesson.LessonLibrary.load().find("01-the-dance").orElseThrow();
        fx(() -> view.lessons().open(dance));
        waitUntil("the lesson panel is shown", () -> view.root().getRight() == view.lessons().panel().root()
                && !view.lessons().viewModel().runningProperty().get());
        List<String> unnamed = fx(() -> {
            // a labeled control says the text its skin draws: what a screen reader meets is a laid-out window, so lay it
            // out (the panel may have come in after the last pulse)
            view.root().applyCss();
            view.root().layout();
            List<String> out = new ArrayList<>();
            List<Control> all = new ArrayList<>(ControlNames.controls(view.root()));
            all.addAll(ControlNames.controls(view.lessons().panel().root()));
            for (Control c : all) {
                if (ControlNames.spokenName(c).isEmpty()) out.add(c.getClass().getSimpleName() + " id=" + c.getId() + " userData=" + c.getUserData());
            }
            return out;
        });
        assertThat(unnamed).isEmpty();
        Node zoomIn = fx(() -> view.root().lookup("#zoomInButton"));
        assertThat(read(zoomIn, AccessibleAttribute.ROLE)).isEqualTo(AccessibleRole.BUTTON);
        assertThat(read(zoomIn, AccessibleAttribute.TEXT)).isEqualTo("Zoom in");
        assertThat((String) read(zoomIn, AccessibleAttribute.HELP)).startsWith("Zoom in for the back of the room");
        Node target = fx(() -> view.root().lookup("#targetField"));
        assertThat(fx(() -> ControlNames.spokenName(target))).isEqualTo("Request target (path)");
    }

    /** The lesson browser's rows are list items that say what they show, not the row record's toString. */
    @Test
    void eachRowOfTheLessonBrowserSaysItsLesson() {
        fx(() -> view.lessons().browse());
        waitUntil("the browser lists lessons", () -> !view.lessons().browserViewModel().rows().isEmpty());
        javafx.scene.Scene browser = fx(() -> view.lessons().browser().stage().getScene());
        // the row on screen that shows lesson 01: cells are reused in any order, and the list keeps a hidden measuring cell
        waitUntil("the first row is drawn", () -> firstRow(browser) != null);
        javafx.scene.control.ListCell<?> first = fx(() -> firstRow(browser));
        assertThat(read(first, AccessibleAttribute.ROLE)).isEqualTo(AccessibleRole.LIST_ITEM);
        assertThat((String) read(first, AccessibleAttribute.TEXT))
                .startsWith("Lesson 01: The dance").containsPattern("beginner, (not started|step \\d+ of \\d+|done), \\d+ steps\\. Goals: .+");
        fx(() -> view.lessons().browser().stage().hide());
    }

    /** The browser's shown cell of the list's first item, null until it is drawn. Call on the FX thread. */
    private static javafx.scene.control.ListCell<?> firstRow(javafx.scene.Scene browser) {
        return dev.roundtrip.ui.LayoutCheck.shownOnly(browser.getRoot().lookupAll(".list-cell")).stream()
                .map(c -> (javafx.scene.control.ListCell<?>) c).filter(c -> c.getIndex() == 0 && c.getItem() != null).findFirst().orElse(null);
    }
}
