package dev.roundtrip.ui.recordings;

import static dev.roundtrip.ui.FxWait.fx;
import static dev.roundtrip.ui.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.record.RecordingFiles;
import dev.roundtrip.record.RecordingFormatException;
import dev.roundtrip.record.RecordingJson;
import dev.roundtrip.record.SampleRecordings;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.ui.LayoutCheck;
import dev.roundtrip.ui.LiveWindow;
import dev.roundtrip.ui.SavedSamples;
import dev.roundtrip.ui.TempHome;
import dev.roundtrip.ui.compare.CompareView;
import dev.roundtrip.ui.compare.ResendViewModel;
import dev.roundtrip.ui.shell.AcceleratorInWords;
import dev.roundtrip.ui.shell.KeyBinding;
import dev.roundtrip.ui.shell.LiveLabPort;
import dev.roundtrip.ui.shell.MainView;
import dev.roundtrip.ui.shell.MainViewModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Recordings in the real window, headless (Monocle): open, replay, a bad file, re-send, restore. */
@ExtendWith(ApplicationExtension.class)
class RecordingsFxTest {

    @TempDir
    Path dir;

    private TempHome home;
    private LiveWindow window;
    private LiveLabPort port;
    private MainView view;
    private MainViewModel vm;
    private RecordingSessions recordings;

    @Start
    void start(javafx.stage.Stage stage) {
        home = TempHome.use(dir.resolve("home"));
        window = LiveWindow.show(stage, v -> recordings = RecordingSessions.install(v));
        port = window.port;
        vm = window.vm;
        view = window.view;
    }

    @AfterEach
    void stop() {
        window.close(() -> {
            if (recordings.compareView().stage() != null) recordings.compareView().stage().hide();
        }, recordings::close);
        home.restore();
    }

    private void oneLiveExchange(FxRobot robot) {
        robot.clickOn("#preset-users1");
        robot.clickOn("#sendButton");
        waitUntil("the live exchange settled and is listed", () -> port.recording().exchanges().size() == 1
                && port.recording().exchanges().get(0).outcome() != Outcome.PENDING && vm.exchanges().size() == 1);
    }

    private Path sample() throws Exception {
        return SavedSamples.lesson1(dir);
    }

    private void open(Path f) {
        fx(() -> recordings.sessions().open(f));
    }

    @SuppressWarnings("unchecked")
    private Session shownInSelector(FxRobot robot) {
        return fx(() -> ((ComboBox<Session>) robot.lookup("#sessionBox").query()).getValue());
    }

    /** With recordings and lessons installed, the menus carry every binding of the table, each once, each with its action. */
    @Test
    void everyKeyOfTheTableIsOnExactlyOneMenuItemWithItsTextAndAnAction() {
        List<MenuItem> withKeys = new ArrayList<>();
        fx(() -> collect(window.view.menuBar().getMenus(), withKeys));
        Map<KeyBinding, MenuItem> byBinding = new EnumMap<>(KeyBinding.class);
        for (MenuItem item : withKeys) {
            KeyBinding b = Arrays.stream(KeyBinding.values()).filter(k -> item.getAccelerator() instanceof AcceleratorInWords a && k.combination().equals(a.keys())).findFirst()
                    .orElseThrow(() -> new AssertionError(item.getText() + " has a key of its own: " + item.getAccelerator()));
            assertThat(byBinding.put(b, item)).as(b + " is on two menu items").isNull();
            assertThat(item.getText()).isEqualTo(b.menuText());
            assertThat(item.getOnAction()).as(b + " does something").isNotNull();
        }
        assertThat(byBinding.keySet()).containsExactlyInAnyOrder(KeyBinding.values());
    }

    /** The text a control really draws (its skin cuts it to "…" when it does not fit). */
    private static String shownText(javafx.scene.control.Labeled l) {
        return l.lookupAll(".text").stream().filter(n -> n instanceof javafx.scene.text.Text)
                .map(n -> ((javafx.scene.text.Text) n).getText()).findFirst().orElse("");
    }

    private static void collect(List<? extends MenuItem> items, List<MenuItem> out) {
        for (MenuItem i : items) {
            if (i.getAccelerator() != null) out.add(i);
            if (i instanceof Menu) collect(((Menu) i).getItems(), out);
        }
    }

    @Test
    void aLoadedRecordingIsReplayedStepByStepForwardAndBackWhileLiveIsKept(FxRobot robot) throws Exception {
        oneLiveExchange(robot);
        open(sample());
        waitUntil("the replay is shown", () -> vm.replayingProperty().get() && vm.exchanges().size() == 7);

        assertThat(shownInSelector(robot).toString()).isEqualTo("Replay: lesson1.roundtrip.json");
        assertThat(fx(() -> robot.lookup("#sessionBanner").queryAs(Label.class).getText())).startsWith("REPLAY");
        assertThat(fx(() -> robot.lookup("#runToggle").query().isDisabled())).as("Run/Step act on the live engine").isTrue();
        assertThat(fx(() -> robot.lookup("#stepToggle").query().isDisabled())).isTrue();
        assertThat(fx(() -> vm.playback().playingProperty().get())).isFalse();

        robot.clickOn("#diagram");
        robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        waitUntil("→ showed the first stage", () -> vm.playback().currentStep() == 0 && view.diagram().currentStep() == 0
                && !vm.playback().atEnd());
        robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        waitUntil("→ moved to the second stage", () -> vm.playback().currentStep() == 1 && view.diagram().currentStep() == 1);
        robot.clickOn("#stepButton");
        waitUntil("Step moved to the third stage", () -> view.diagram().currentStep() == 2);
        robot.press(KeyCode.LEFT).release(KeyCode.LEFT);
        waitUntil("← went back a stage", () -> view.diagram().currentStep() == 1);
        robot.press(KeyCode.LEFT).release(KeyCode.LEFT);
        waitUntil("← went back to the first", () -> view.diagram().currentStep() == 0);
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        waitUntil("Space played the replay to its end", () -> vm.playback().atEnd() && view.diagram().currentStep() == 4);

        robot.clickOn("#backToLiveButton");
        waitUntil("live is shown again", () -> !vm.replayingProperty().get() && vm.exchanges().size() == 1);
        assertThat(shownInSelector(robot).isLive()).isTrue();
        assertThat(port.recording().exchanges()).hasSize(1);
        assertThat(fx(() -> robot.lookup("#runToggle").query().isDisabled())).isFalse();
    }

    /**
     * Issue 10: "a lesson's highlight on the exchange list stays after the lesson is closed, even in a
     * replay". Over a replay the lesson marked the replay's list and selected its rows by the live ids.
     */
    @Test
    void aLessonOpenedOverAReplayLeavesNoHighlightOnceClosed(FxRobot robot) throws Exception {
        open(sample());
        waitUntil("the replay is shown", () -> vm.replayingProperty().get() && vm.exchanges().size() == 7);
        var player = view.lessons();
        var lesson = dev.roundtrip.lesson.LessonLibrary.load().find("01-the-dance").orElseThrow();
        fx(() -> { player.open(lesson); });
        waitUntil("the window went back to the live session, where the lesson's exchanges are", () -> !vm.replayingProperty().get());
        for (int step = 2; step <= lesson.steps().size(); step++) {
            int n = step;
            waitUntil("Next can be pressed", () -> player.viewModel().canNextProperty().get());
            fx(() -> { player.next(); });
            waitUntil("step " + n, () -> player.viewModel().stepTextProperty().get().startsWith("Step " + n + " ") && !player.viewModel().runningProperty().get());
        }
        javafx.scene.Node table = robot.lookup("#exchangeTable").query();
        waitUntil("the last step marks the exchange list", () -> table.getStyleClass().contains("lesson-focus"));
        assertThat(fx(() -> vm.selectedIdProperty().get())).as("the lesson's newest exchange is the one selected")
                .isEqualTo(port.recording().exchanges().get(port.recording().exchanges().size() - 1).id());
        assertThat(fx(() -> recordings.sessions().sessions().size())).as("the replay stays one choice away").isEqualTo(2);

        fx(() -> player.closeLesson());

        waitUntil("the lesson is closed", () -> !player.viewModel().openProperty().get());
        assertThat(fx(() -> List.copyOf(table.getStyleClass()))).as("the exchange list's classes").doesNotContain("lesson-focus");
        assertThat(fx(() -> view.diagram().lookupAll(".focused"))).as("glowing lifelines or stages").isEmpty();
        assertThat(fx(() -> view.inspector().root().getTabs().stream().anyMatch(t -> t.getStyleClass().contains("lesson-focus")))).isFalse();
    }

    @Test
    void aBadFileShowsItsExactReasonAndTheSessionIsUntouched(FxRobot robot) throws Exception {
        oneLiveExchange(robot);
        long selected = fx(() -> vm.selectedIdProperty().get());
        String full = new String(RecordingJson.toBytes(SampleRecordings.session()), StandardCharsets.UTF_8);
        Path cut = dir.resolve("cut" + RecordingFiles.EXTENSION);
        Files.writeString(cut, full.substring(0, full.length() / 3));
        String expected;
        try {
            RecordingFiles.open(cut);
            throw new AssertionError("a truncated file must not open");
        } catch (RecordingFormatException e) {
            expected = e.getMessage();
        }
        assertThat(expected).startsWith(cut + ":").contains("truncated");

        open(cut);

        waitUntil("the notice says why", () -> robot.lookup("#noticeText").queryAs(Label.class).getText().equals("Could not open: " + expected));
        assertThat(fx(() -> robot.lookup("#noticeBar").query().isVisible())).isTrue();
        assertThat(fx(() -> robot.lookup("#noticeBar").query().getStyleClass())).contains("notice-error");
        assertThat(fx(() -> recordings.sessions().sessions().size())).isEqualTo(1);
        assertThat(fx(() -> vm.replayingProperty().get())).isFalse();
        assertThat(fx(() -> vm.exchanges().size())).isEqualTo(1);
        assertThat(fx(() -> vm.selectedIdProperty().get())).isEqualTo(selected);
        assertThat(port.recording().exchanges()).hasSize(1);

        // the bar was just shown: the button is where a click finds it once the bar is laid out
        fx(() -> LayoutCheck.settle(view.root()));
        robot.clickOn("#noticeClose");
        waitUntil("the notice is gone", () -> !robot.lookup("#noticeBar").query().isVisible());
    }

    @Test
    void resendFromAReplayRunsOnTheLiveServerAndComparesSideBySide(FxRobot robot) throws Exception {
        open(sample());
        waitUntil("the replay is shown with its first exchange", () -> vm.replayingProperty().get() && vm.selectedIdProperty().get() == 1);
        robot.clickOn("#diagram");

        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);

        waitUntil("the new exchange settled and was compared", () -> recordings.resend().resentProperty().get() != null);
        assertThat(port.recording().exchanges()).hasSize(1);
        long newId = port.recording().exchanges().get(0).id();
        CompareView compare = recordings.compareView();
        assertThat(fx(() -> compare.stage().isShowing())).isTrue();
        assertThat(fx(() -> compare.before().script().exchangeId())).isEqualTo(1);
        assertThat(fx(() -> compare.after().script().exchangeId())).isEqualTo(newId);
        assertThat(fx(() -> compare.after().script().steps().size())).isEqualTo(6); // connect: the live lab opened a connection for it
        ResendViewModel.Row status = fx(() -> compare.table().getItems().get(0));
        assertThat(status.what()).isEqualTo("Status");
        assertThat(status.differs()).isFalse();
        assertThat(fx(() -> compare.table().getItems().stream().anyMatch(r -> r.what().endsWith(" time") && r.differs()))).isTrue();
        // the replay is still what the main window shows; the live session got the new exchange
        assertThat(fx(() -> vm.replayingProperty().get())).isTrue();
        assertThat(fx(() -> vm.exchanges().size())).isEqualTo(7);
    }

    @Test
    void aLeftoverAutosaveIsOfferedAndRestoredAsAReplay(FxRobot robot) throws Exception {
        Path leftover = SavedSamples.leftoverAutosave();

        fx(() -> {
            recordings.startAutosave();
        });

        waitUntil("the restore bar is offered", () -> robot.lookup("#restoreBar").query().isVisible());
        assertThat(fx(() -> robot.lookup("#restoreText").queryAs(Label.class).getText())).contains("did not end cleanly");
        // the bar was just shown: its buttons' skins draw their words after a CSS and layout pass, which may not have run yet
        fx(() -> LayoutCheck.settle(view.root()));
        for (String button : List.of("#restoreButton", "#discardButton", "#dismissButton")) {
            javafx.scene.control.Labeled b = fx(() -> robot.lookup(button).queryAs(javafx.scene.control.Labeled.class));
            assertThat(fx(() -> shownText(b))).as(button + " shows its whole word, not …").isEqualTo(fx(b::getText));
        }
        robot.clickOn("#restoreButton");
        waitUntil("the autosave is open as a replay", () -> vm.replayingProperty().get() && vm.exchanges().size() == 7);
        waitUntil("the leftover is deleted and the bar gone", () -> !Files.exists(leftover) && !robot.lookup("#restoreBar").query().isVisible());
        assertThat(shownInSelector(robot).name()).matches("restored \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        waitUntil("this run's own autosave has started", () -> recordings.autosave() != null);
        assertThat(recordings.autosave().file().getFileName().toString()).isEqualTo("autosave-" + ProcessHandle.current().pid() + RecordingFiles.EXTENSION);
    }

    @Test
    void theFileMenuHasOpenRecentSaveAndExportWithShortcuts(FxRobot robot) throws Exception {
        open(sample());
        waitUntil("the replay is shown", () -> vm.replayingProperty().get());
        var items = fx(() -> view.fileMenu().getItems().stream().map(i -> i.getText() + "|" + (i.getAccelerator() == null ? "" : i.getAccelerator().getDisplayText())).toList());
        assertThat(items).contains("Open recording or HAR…|Ctrl+O", "Open Recent|", "Close replay|Ctrl+W", "Save|Ctrl+S", "Save As…|Ctrl+Shift+S", "Export|", "Quit|Ctrl+Q");
        javafx.scene.control.Menu recent = fx(() -> (javafx.scene.control.Menu) view.fileMenu().getItems().stream()
                .filter(i -> "Open Recent".equals(i.getText())).findFirst().orElseThrow());
        assertThat(fx(() -> recent.getItems().get(0).getText())).startsWith("lesson1.roundtrip.json  —  ");
        javafx.scene.control.Menu export = fx(() -> (javafx.scene.control.Menu) view.fileMenu().getItems().stream()
                .filter(i -> "Export".equals(i.getText())).findFirst().orElseThrow());
        assertThat(fx(() -> export.getItems().stream().map(javafx.scene.control.MenuItem::getText).toList()))
                .containsExactly("HAR 1.2 (for browsers' tools)…", "Mermaid sequence diagram…", "PlantUML sequence diagram…", "Diagram as PNG…");
        Node resend = robot.lookup("#resendButton").query();
        assertThat(fx(resend::isDisabled)).isFalse();

        // Ctrl+W closes the replay and shows Live again
        robot.clickOn("#diagram");
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        waitUntil("Ctrl+W closed the replay", () -> !vm.replayingProperty().get() && recordings.sessions().sessions().size() == 1);
    }
}
