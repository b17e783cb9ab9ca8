package dev.roundtrip.ui.shell;

import static dev.roundtrip.ui.FxWait.fx;
import static dev.roundtrip.ui.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.roundtrip.gate.GateMode;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.ui.LiveWindow;
import dev.roundtrip.ui.diagram.Severity;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The main window on a real lab, headless (Monocle): what a student's clicks and keys do. */
@ExtendWith(ApplicationExtension.class)
class MainViewFxTest {
    private LiveWindow window;
    private LiveLabPort port;
    private MainView view;
    private MainViewModel vm;

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
    }

    private boolean settled(int exchanges) {
        return vm.recording().exchanges().size() == exchanges
                && vm.recording().exchanges().stream().allMatch(x -> x.outcome() != Outcome.PENDING);
    }

    @Test
    void sendingUsersFromTheComposerAddsAnExchangeAndDrawsAllFiveStages(FxRobot robot) {
        robot.clickOn("#preset-users1");
        robot.clickOn("#sendButton");
        waitUntil("the exchange is in the list and the diagram has five stages",
                () -> vm.exchanges().size() == 1 && exchangeSteps() == 5);
        assertThat(fx(() -> vm.exchanges().get(0).target())).isEqualTo("/users/1");
        for (Stage s : Stage.gated()) {
            assertThat(fx(() -> robot.lookup("#step-" + s.wireName()).tryQuery())).as(s.wireName()).isPresent();
        }
        // the process stage called the database, drawn as an arrow to it with the real row count
        assertThat(fx(() -> robot.lookup("#step-process .sql-call").tryQuery())).isPresent();
        waitUntil("the exchange has settled", () -> settled(1));
        waitUntil("the diagram shows 200", () -> robot.lookup("#outcome").queryAs(Label.class).getText().equals("200 OK"));
        String figures = fx(() -> ((javafx.scene.text.Text) robot.lookup("#figures-send").query()).getText());
        assertThat(figures).matches("\\d+ B · 1 write · .+");
        assertThat(fx(() -> robot.lookup("#exchangeTable").queryTableView().getItems().size())).isEqualTo(1);
    }

    @Test
    void inStepModeEachStepReleasesExactlyOneStageAndTheRxQueueHoldsTheRequestBeforeParse(FxRobot robot) {
        robot.clickOn("#stepToggle");
        waitUntil("step mode is on in the engine", () -> port.lab().gates().mode() == GateMode.STEP);
        robot.clickOn("#preset-users1");
        robot.clickOn("#sendButton");
        waitUntil("held before send", () -> vm.scriptProperty().get().heldBefore() == Stage.SEND);
        // a new connection's connect is drawn already (it has no gate); nothing of the exchange itself
        assertThat(fx(() -> vm.scriptProperty().get().steps())).allMatch(s -> s.stage() == Stage.CONNECT);
        robot.clickOn("#buffersTab");
        Stage[] next = {Stage.PARSE, Stage.PROCESS, Stage.RESPOND, Stage.INTERPRET};
        for (int i = 0; i < next.length; i++) {
            Stage expected = next[i];
            robot.clickOn("#stepButton");
            waitUntil("held before " + expected.wireName(), () -> vm.scriptProperty().get().heldBefore() == expected);
            int done = i + 1;
            assertThat(fx(this::exchangeSteps)).as("stages drawn after %d steps", done).isEqualTo(done);
            if (expected == Stage.PARSE) assertRxQueueHoldsTheRequest(robot);
        }
        robot.clickOn("#stepButton");
        waitUntil("the exchange completes after the fifth step", () -> settled(1));
        waitUntil("all five stages drawn", () -> exchangeSteps() == 5);
        assertThat(fx(() -> vm.scriptProperty().get().heldBefore())).isNull();
    }

    /** The style classes of the node {@code query} finds, read on the FX thread (the diagram is redrawn there). */
    private static java.util.List<String> styleOf(FxRobot robot, String query) {
        return fx(() -> java.util.List.copyOf(robot.lookup(query).query().getStyleClass()));
    }

    /** Steps of the exchange itself: send to interpret (connect is drawn too when the exchange opened its connection). */
    private int exchangeSteps() {
        return (int) vm.scriptProperty().get().steps().stream().filter(s -> !s.stage().opensConnection()).count();
    }

    private void assertRxQueueHoldsTheRequest(FxRobot robot) {
        boolean linux = System.getProperty("os.name").toLowerCase().contains("linux");
        if (!linux) {
            assumeTrue(false, "kernel queues are read from /proc/net/tcp on Linux only");
        }
        Pattern rx = Pattern.compile("rx queue (\\d+) B");
        waitUntil("the Buffers tab shows a non-zero rx queue", () -> {
            Label l = robot.lookup("#kernel-rx-bar-figures").queryAs(Label.class);
            Matcher m = rx.matcher(l.getText());
            return l.isVisible() && m.find() && Long.parseLong(m.group(1)) > 0;
        });
        assertThat(fx(() -> robot.lookup("#kernel-caption").queryAs(Label.class).getText()))
                .startsWith("server socket while held before parse");
    }

    @Test
    void notFoundAndServerErrorAreDrawnAsErrorsWithWordsAndIcons(FxRobot robot) {
        robot.clickOn("#preset-unknown");
        robot.clickOn("#sendButton");
        waitUntil("404 settled", () -> settled(1) && vm.scriptProperty().get().outcomeText().startsWith("404"));
        assertThat(styleOf(robot, "#outcome")).contains(Severity.CLIENT_ERROR.styleClass());
        assertThat(fx(() -> robot.lookup("#outcome").queryAs(Label.class).getGraphic())).isNotNull();
        assertThat(styleOf(robot, "#step-respond")).contains("error");
        robot.clickOn("#preset-fail");
        robot.clickOn("#sendButton");
        // the recording settles before the next frame draws it: wait for the list too
        waitUntil("500 settled and listed", () -> settled(2) && vm.scriptProperty().get().outcomeText().startsWith("500")
                && vm.exchanges().size() == 2 && vm.exchanges().get(1).severity() == Severity.SERVER_ERROR);
        assertThat(styleOf(robot, "#outcome")).contains(Severity.SERVER_ERROR.styleClass());
        assertThat(styleOf(robot, "#step-respond")).contains("error");
        assertThat(styleOf(robot, "#step-process")).contains("error");
        assertThat(fx(() -> robot.lookup("#problem-process").tryQuery())).isPresent();
        assertThat(fx(() -> vm.exchanges().get(1).severity())).isEqualTo(Severity.SERVER_ERROR);
        // selecting the older exchange in the list shows it again, from its start
        // the row that shows item 0: the table reuses row cells, so lookup order is not display order
        robot.clickOn(fx(() -> robot.lookup("#exchangeTable .table-row-cell")
                .match((javafx.scene.control.TableRow<?> r) -> r.getIndex() == 0).queryAs(Node.class)));
        waitUntil("the 404 is shown again", () -> vm.scriptProperty().get().outcomeText().startsWith("404"));
        assertThat(styleOf(robot, "#outcome")).contains(Severity.CLIENT_ERROR.styleClass());
    }

    @Test
    void theDiagramIsExportedAsAPng(FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        robot.clickOn("#sendButton");
        waitUntil("settled", () -> settled(1) && exchangeSteps() == 5);
        java.nio.file.Path png = dir.resolve("diagram.png");
        fx(() -> {
            view.exportTo(png.toFile());
        });
        waitUntil("the PNG is written and reported", () -> vm.messageProperty().get().startsWith("Diagram exported"));
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo((int) Math.ceil(fx(() -> view.diagram().getWidth())));
        assertThat(img.getHeight()).isGreaterThan(100);
    }

    @Test
    void keyboardShortcutsSendSwitchModesPlayAndChangeTheme(FxRobot robot) {
        robot.clickOn("#exchangeTable");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        // and the window shows it: until a frame has drawn it, the playback has no steps and sits at its end
        waitUntil("Ctrl+Enter sent an exchange, drawn", () -> settled(1) && exchangeSteps() == 5);
        robot.clickOn("#exchangeTable");
        boolean playing = fx(() -> vm.playback().playingProperty().get());
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        waitUntil("Space toggled play/pause", () -> vm.playback().playingProperty().get() != playing);
        robot.press(KeyCode.LEFT).release(KeyCode.LEFT);
        waitUntil("← stepped back and paused", () -> !vm.playback().playingProperty().get() && !vm.playback().atEnd());
        double before = fx(() -> vm.playback().positionProperty().get());
        robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        waitUntil("→ moved one stage on", () -> vm.playback().positionProperty().get() > before);
        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        waitUntil("Ctrl+T switched to step mode", () -> vm.gates().modeProperty().get() == GateMode.STEP);
        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        waitUntil("Ctrl+T again: back to run mode", () -> vm.gates().modeProperty().get() == GateMode.RUN);
        robot.press(KeyCode.ALT, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.ALT);
        waitUntil("Alt+2 set a breakpoint before parse", () -> vm.gates().breakpoints().contains(Stage.PARSE));
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitUntil("Ctrl+L changed the theme", () -> view.root().getStyleClass().contains("theme-dark"));
        // typing a space in the target field types, it does not pause
        robot.clickOn("#targetField");
        boolean playingNow = fx(() -> vm.playback().playingProperty().get());
        robot.type(KeyCode.SPACE);
        assertThat(fx(() -> vm.composer().targetProperty().get())).endsWith(" ");
        assertThat(fx(() -> vm.playback().playingProperty().get())).isEqualTo(playingNow);
    }

    @Test
    void presenterZoomScalesTheDiagramAndTheInspectorText(FxRobot robot) {
        robot.clickOn("#exchangeTable");
        double scale = fx(() -> view.diagram().scaleFactor());
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        waitUntil("the diagram grew", () -> view.diagram().scaleFactor() > scale * 1.2);
        assertThat(fx(() -> robot.lookup("#zoomLabel").queryAs(Label.class).getText())).isEqualTo("132%");
        assertThat(fx(() -> robot.lookup("#inspectorTabs").query().getStyle())).contains("19.8px");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        waitUntil("Ctrl+0 went back", () -> Math.abs(view.diagram().scaleFactor() - scale) < 1e-6);
        robot.press(KeyCode.CONTROL, KeyCode.MINUS).release(KeyCode.MINUS, KeyCode.CONTROL);
        waitUntil("Ctrl+- shrank it", () -> view.diagram().scaleFactor() < scale);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        robot.press(KeyCode.F5).release(KeyCode.F5);
        waitUntil("F5: presenter view gives the diagram the window", () -> view.diagram().scaleFactor() > scale * 1.1
                && robot.lookup("#inspectorTabs").tryQuery().map(n -> n.getScene() == null).orElse(true));
        robot.press(KeyCode.F5).release(KeyCode.F5);
        waitUntil("F5 again brings the panels back", () -> robot.lookup("#inspectorTabs").tryQuery().isPresent()
                && Math.abs(view.diagram().scaleFactor() - scale) < 1e-6);
    }
}
