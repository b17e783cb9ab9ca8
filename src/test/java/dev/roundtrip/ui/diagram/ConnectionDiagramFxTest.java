package dev.roundtrip.ui.diagram;

import static dev.roundtrip.ui.FxWait.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.record.Recording;
import dev.roundtrip.record.RecordingFiles;
import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.ui.Fixtures;
import dev.roundtrip.ui.LayoutCheck;
import dev.roundtrip.ui.export.Theme;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The diagram of what is more than one request and one response: an h2 connection's streams, a WebSocket's messages, a long outcome. */
@ExtendWith(ApplicationExtension.class)
class ConnectionDiagramFxTest {
    private final Recording h2 = open();
    private SequenceDiagram diagram;

    private static Recording open() {
        try {
            return RecordingFiles.open(Path.of(ConnectionDiagramFxTest.class.getResource("h2-three-streams.roundtrip.json").toURI()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Start
    void start(javafx.stage.Stage stage) {
        diagram = new SequenceDiagram();
        StackPane root = new StackPane(diagram);
        root.getStyleClass().add("main-view");
        root.getStylesheets().add(Theme.STYLESHEET);
        stage.setScene(new Scene(root, 844, 420)); // the diagram's space in a 1280x720 window
        stage.show();
    }

    private void show(DiagramScript s) {
        fx(() -> {
            diagram.setScript(s);
            diagram.setPosition(s.steps().size(), 1);
            diagram.getScene().getRoot().applyCss();
            diagram.getScene().getRoot().layout();
        });
    }

    private DiagramScript h2(long id) {
        return DiagramScript.of(h2.exchange(id).orElseThrow(), h2.exchanges());
    }

    private List<String> frameTitles() {
        return fx(() -> diagram.lookupAll(".frame-title").stream().map(n -> ((Text) n).getText()).toList());
    }

    @Test
    void theTitleLinesToggleDrawsTheConnectionsStreamsInterleavedEachArrowNamingItsStream(FxRobot robot) {
        show(h2(2));
        Labeled toggle = (Labeled) fx(() -> diagram.lookup("#frames-toggle"));
        assertThat(fx(toggle::getText)).isEqualTo("Frames of connection #1 (3 streams)");
        assertThat(frameTitles()).isEmpty();
        assertThat(fx(() -> diagram.lookup("#step-interpret"))).isNotNull();

        robot.clickOn(toggle);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> diagram.showingFrames())).isTrue();
        assertThat(frameTitles()).containsExactly("SETTINGS s0", "HEADERS s3", "HEADERS s5", "HEADERS s7", "SETTINGS s0", "SETTINGS s0 ACK",
                "SETTINGS s0 ACK", "HEADERS s3", "DATA s3", "HEADERS s5", "DATA s5", "HEADERS s7", "DATA s7");
        assertThat(fx(() -> diagram.lookup("#step-interpret"))).as("the stages give way").isNull();
        assertThat(fx(() -> diagram.lookupAll(".frame-row.own-stream").size())).isEqualTo(3);
        // one colour per stream, and the lane says which
        List<String> lanes = fx(() -> diagram.lookupAll(".frame-row").stream()
                .map(r -> r.getStyleClass().stream().filter(c -> c.startsWith("stream-c")).findFirst().orElseThrow() + " "
                        + ((Text) ((javafx.scene.Parent) r).lookup(".lane")).getText()).distinct().toList());
        assertThat(lanes).containsExactlyInAnyOrder("stream-c0 s0", "stream-c1 s3", "stream-c2 s5", "stream-c3 s7");
        // a DATA frame says what the server may still send after it; the windows now close the view
        assertThat(fx(() -> ((Text) diagram.lookup("#window-8")).getText())).isEqualTo("server may send: conn 65,522 · s3 65,522");
        assertThat(fx(() -> ((Text) diagram.lookup("#windows-now")).getText()))
                .isEqualTo("client may send: connection 65,535 · s3 65,535 · s5 65,535 · s7 65,535");
        assertThat(fx(() -> LayoutCheck.smallestFont(diagram))).isGreaterThanOrEqualTo(LayoutCheck.MIN_DIAGRAM_FONT);
        assertThat(fx(() -> LayoutCheck.problems(diagram.getScene()))).isEmpty();
        Labeled back = (Labeled) fx(() -> diagram.lookup("#frames-toggle"));
        assertThat(fx(back::getText)).isEqualTo("Back to the stages");
        assertThat(fx(back::isFocused)).as("the focus stays on the toggle").isTrue();

        // the choice stays for the next h2 exchange; an HTTP/1.1 exchange shows its stages and no toggle
        show(h2(3));
        assertThat(fx(() -> diagram.lookupAll(".frame-row.own-stream").size())).isEqualTo(3);
        show(DiagramScript.of(Fixtures.classroom().exchange(1).orElseThrow()));
        assertThat(fx(() -> diagram.lookup("#frames-toggle"))).isNull();
        assertThat(fx(() -> diagram.lookup("#step-interpret"))).isNotNull();
        fx(() -> diagram.framesShownProperty().set(false));
    }

    @Test
    void inGermanAt1024TheFramesViewAndItsToggleAreWholeAndReadable() {
        fx(() -> dev.roundtrip.ui.util.Language.use(java.util.Locale.GERMAN));
        try {
            fx(() -> diagram.setMaxWidth(656));
            for (boolean frames : new boolean[] {false, true}) {
                fx(() -> diagram.framesShownProperty().set(frames));
                show(DiagramScript.EMPTY);
                show(h2(2));
                assertThat(fx(() -> ((Labeled) diagram.lookup("#frames-toggle")).getText()))
                        .isEqualTo(frames ? "Zurück zu den Stages" : "Frames der Verbindung #1 (3 Streams)");
                assertThat(fx(() -> LayoutCheck.smallestFont(diagram))).isGreaterThanOrEqualTo(LayoutCheck.MIN_DIAGRAM_FONT);
                assertThat(fx(() -> LayoutCheck.problems(diagram.getScene()))).as("frames %s", frames).isEmpty();
            }
            assertThat(fx(() -> ((Text) diagram.lookup("#window-8")).getText())).isEqualTo("Server darf senden: Verb. 65.522 · s3 65.522");
        } finally {
            fx(() -> {
                dev.roundtrip.ui.util.Language.use(java.util.Locale.ENGLISH);
                diagram.framesShownProperty().set(false);
                diagram.setMaxWidth(Double.MAX_VALUE);
            });
        }
    }

    @Test
    void playedBackTheFramesOfTheStageShownAreCurrentAndLaterOnesAreStillToCome() {
        fx(() -> diagram.framesShownProperty().set(true));
        DiagramScript s = h2(1);
        show(s);
        int send = s.steps().indexOf(s.steps().stream().filter(t -> t.stage() == Stage.SEND).findFirst().orElseThrow());
        fx(() -> diagram.setPosition(send, 0.5));
        List<String> current = fx(() -> diagram.lookupAll(".frame-row.current").stream()
                .map(r -> ((Text) ((javafx.scene.Parent) r).lookup(".frame-title")).getText()).toList());
        assertThat(current).containsExactly("HEADERS s3");
        assertThat(fx(() -> diagram.lookupAll(".frame-row.future").stream()
                .map(r -> ((Text) ((javafx.scene.Parent) r).lookup(".frame-title")).getText()).toList())).contains("DATA s3", "DATA s7");
        fx(() -> diagram.framesShownProperty().set(false));
    }

    @Test
    void aLongOutcomeWrapsInTheTitleLineAndTheHeadsMoveDownAt1280And1024() {
        String outcome = "Timed out: no response within 800 ms: the client resets its connection (RST) and leaves; the server's answer,"
                + " if it comes, reaches no one";
        DiagramScript base = DiagramScript.of(Fixtures.classroom().exchange(4).orElseThrow());
        DiagramScript s = new DiagramScript(base.exchangeId(), base.title(), base.steps(), Severity.TIMEOUT, outcome, null, base.lifelines());
        for (double width : new double[] {844, 656}) {
            fx(() -> diagram.setMaxWidth(width));
            show(DiagramScript.EMPTY);
            show(s);
            Labeled badge = (Labeled) fx(() -> diagram.lookup("#outcome"));
            Node head = fx(() -> diagram.lookup("#lifeline-client"));
            Bounds b = fx(() -> badge.localToScene(badge.getLayoutBounds()));
            Bounds space = fx(() -> diagram.localToScene(diagram.getLayoutBounds()));
            assertThat(fx(() -> LayoutCheck.shownText(badge).replaceAll("\\s+", " "))).as("at %.0f: whole", width).isEqualTo(outcome);
            assertThat(b.getMaxX()).as("at %.0f: inside the width", width).isLessThanOrEqualTo(space.getMaxX() + 0.5);
            assertThat(b.getHeight()).as("at %.0f: on more than one line", width).isGreaterThan(40);
            assertThat(fx(() -> head.localToScene(head.getLayoutBounds()).getMinY())).as("at %.0f: the heads below it", width)
                    .isGreaterThanOrEqualTo(b.getMaxY());
            fx(() -> {
                diagram.setPosition(0, 0.5);
                diagram.layout();
            });
            Node firstRow = fx(() -> diagram.lookup("#step-send"));
            assertThat(fx(() -> firstRow.localToScene(firstRow.getBoundsInLocal()).getMinY())).as("at %.0f: the stage shown below the heads", width)
                    .isGreaterThanOrEqualTo(fx(() -> head.localToScene(head.getLayoutBounds()).getMaxY()));
            assertThat(fx(() -> LayoutCheck.smallestFont(diagram))).isGreaterThanOrEqualTo(LayoutCheck.MIN_DIAGRAM_FONT);
            assertThat(fx(() -> LayoutCheck.problems(diagram.getScene()))).as("at %.0f", width).isEmpty();
        }
        fx(() -> diagram.setMaxWidth(Double.MAX_VALUE));
    }

    @Test
    void aWebSocketsMessagesAreArrowsTheClientsWritesGoingToTheServer() {
        DiagramScript base = DiagramScript.of(Fixtures.classroom().exchange(1).orElseThrow());
        List<DiagramStep> steps = new java.util.ArrayList<>(base.steps());
        int last = steps.size() - 1;
        steps.set(last, steps.get(last).withMessages(List.of(new DiagramStep.Message(false, "text frame", 41, 43, 1),
                new DiagramStep.Message(true, "text frame", 17, 23, 2), new DiagramStep.Message(true, "close frame 1000", 2, 8, 3))));
        show(new DiagramScript(base.exchangeId(), base.title(), steps, base.severity(), base.outcomeText(), null, base.lifelines()));
        double client = fx(() -> diagram.x(Actor.CLIENT));
        double server = fx(() -> diagram.x(Actor.SERVER));
        for (int i = 0; i < 3; i++) {
            int n = i;
            javafx.scene.Parent arrow = (javafx.scene.Parent) fx(() -> diagram.lookup("#message-" + n));
            javafx.scene.shape.Polygon head = (javafx.scene.shape.Polygon) fx(() -> arrow.lookup(".arrow-head"));
            double tip = fx(() -> head.getPoints().get(0));
            boolean write = fx(() -> arrow.getStyleClass().contains("client-write"));
            assertThat(write).isEqualTo(i > 0);
            assertThat(Math.abs(tip - (write ? server : client))).as("message %d points at the %s", i, write ? "server" : "client").isLessThan(10);
        }
        assertThat(fx(() -> ((Text) diagram.lookup("#message-text-1")).getText())).isEqualTo("text frame · 17 B payload · 23 B on the wire");
        Node band = fx(() -> diagram.lookup("#step-interpret").lookup(".row-band"));
        Node lastArrow = fx(() -> diagram.lookup("#message-2"));
        assertThat(fx(() -> lastArrow.localToScene(lastArrow.getBoundsInLocal()).getMaxY()))
                .as("inside its row").isLessThanOrEqualTo(fx(() -> band.localToScene(band.getBoundsInLocal()).getMaxY()));
    }
}
