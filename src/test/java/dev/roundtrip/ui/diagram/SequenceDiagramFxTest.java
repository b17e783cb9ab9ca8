package dev.roundtrip.ui.diagram;

import static dev.roundtrip.ui.FxWait.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.record.Recording;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.ui.Fixtures;
import dev.roundtrip.ui.LayoutCheck;
import dev.roundtrip.ui.export.Theme;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The diagram in the space a 1280x720 window gives it: one readable scale, a header that stays, badges inside. */
@ExtendWith(ApplicationExtension.class)
class SequenceDiagramFxTest {
    private final Recording rec = Fixtures.classroom();
    private SequenceDiagram diagram;

    @Start
    void start(javafx.stage.Stage stage) {
        diagram = new SequenceDiagram();
        StackPane root = new StackPane(diagram);
        root.getStyleClass().add("main-view");
        root.getStylesheets().add(Theme.STYLESHEET);
        stage.setScene(new Scene(root, 844, 330));
        stage.show();
    }

    private void show(long id, int step) {
        fx(() -> {
            diagram.setScript(DiagramScript.of(rec.exchange(id).orElseThrow()));
            diagram.setPosition(step, 0.5);
            diagram.getScene().getRoot().applyCss();
            diagram.getScene().getRoot().layout();
        });
    }

    @Test
    void anExchangeKeepsOneReadableScaleWhetherItHasOneStageOrFive() {
        show(6, 0); // held before parse: one stage drawn
        double held = fx(() -> diagram.scaleFactor());
        assertThat(fx(() -> LayoutCheck.smallestFont(diagram))).isGreaterThanOrEqualTo(LayoutCheck.MIN_DIAGRAM_FONT);
        show(1, 4); // five stages and a database call
        assertThat(fx(() -> diagram.scaleFactor())).isEqualTo(held);
        assertThat(fx(() -> LayoutCheck.smallestFont(diagram))).isGreaterThanOrEqualTo(LayoutCheck.MIN_DIAGRAM_FONT);
    }

    /**
     * The dashed lifelines pass behind every row: each word one of them would run through (a stage's
     * name and title, its figures, the SQL statement, the hint) has the diagram's own background drawn
     * between the lifeline and its letters, in high contrast (where a crossed word was seen worst) and
     * in the 656 pixels of a 1024x768 projector, where the lifelines are closest.
     */
    @Test
    void noLifelineRunsThroughAWordInHighContrast() {
        fx(() -> {
            diagram.getScene().getRoot().getStyleClass().add("high-contrast");
            diagram.setMaxWidth(656);
        });
        java.util.List<String> crossed = new java.util.ArrayList<>();
        for (long id : new long[] {1, 4}) {
            show(id, 10);
            crossed.addAll(fx(() -> wordsCrossedByALifeline(crossed)));
        }
        fx(() -> {
            diagram.setScript(DiagramScript.EMPTY);
            diagram.getScene().getRoot().applyCss();
            diagram.getScene().getRoot().layout();
        });
        crossed.addAll(fx(() -> wordsCrossedByALifeline(crossed)));
        assertThat(crossed).as("words a lifeline passes behind").anyMatch(w -> w.startsWith("ok "))
                .anyMatch(w -> w.startsWith("ok SELECT")).anyMatch(w -> w.startsWith("ok Nothing sent yet"));
        assertThat(crossed).as("words a lifeline runs through").allMatch(w -> w.startsWith("ok "));
    }

    /**
     * The words of the diagram that a lifeline passes behind, each "ok WORDS" when a shape filled with the
     * diagram's background covers them and is drawn after that lifeline (children are drawn in order), else the words.
     */
    private java.util.List<String> wordsCrossedByALifeline(java.util.List<String> seen) {
        java.util.List<Node> order = new java.util.ArrayList<>();
        paintOrder(diagram, order);
        javafx.scene.paint.Paint background = diagram.getBackground().getFills().get(0).getFill();
        assertThat(background).as("the theme's background").isEqualTo(javafx.scene.paint.Color.BLACK);
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            if (!(order.get(i) instanceof javafx.scene.text.Text) || order.get(i).getStyleClass().contains("text")) continue;
            javafx.scene.text.Text t = (javafx.scene.text.Text) order.get(i);
            if (t.getText().isBlank() || !t.getStyleClass().stream().anyMatch(java.util.Set.of("step-title", "figures", "stage-name",
                    "sql-text", "diagram-hint", "message-text")::contains)) continue;
            Bounds words = t.localToScene(t.getBoundsInLocal());
            for (int l = 0; l < i; l++) {
                if (!order.get(l).getStyleClass().contains("lifeline")) continue;
                Bounds line = order.get(l).localToScene(order.get(l).getBoundsInLocal());
                double x = line.getCenterX();
                if (x <= words.getMinX() || x >= words.getMaxX() || line.getMaxY() < words.getMinY() || line.getMinY() > words.getMaxY()) continue;
                boolean covered = false;
                for (int k = l + 1; k < i && !covered; k++) {
                    Node n = order.get(k);
                    if (!(n instanceof javafx.scene.shape.Shape) || !background.equals(((javafx.scene.shape.Shape) n).getFill())) continue;
                    Bounds b = n.localToScene(n.getBoundsInLocal());
                    covered = b.getMinX() <= x - 2 && b.getMaxX() >= x + 2 && b.getMinY() <= words.getMinY() + 0.5 && b.getMaxY() >= words.getMaxY() - 0.5;
                }
                String w = (covered ? "ok " : "") + t.getText();
                if (!seen.contains(w) && !out.contains(w)) out.add(w);
            }
        }
        return out;
    }

    /** The visible nodes in the order they are drawn. */
    private static void paintOrder(Node n, java.util.List<Node> out) {
        if (!n.isVisible()) return;
        out.add(n);
        if (n instanceof javafx.scene.Parent) for (Node c : ((javafx.scene.Parent) n).getChildrenUnmodifiable()) paintOrder(c, out);
    }

    @Test
    void zoomedInOnTheLastStageTheLifelineNamesAndTheTitleStayAtTheTop() {
        fx(() -> diagram.setZoom(2));
        show(1, 4);
        Bounds space = fx(() -> diagram.localToScene(diagram.getLayoutBounds()));
        for (String id : new String[] {"#lifeline-client", "#lifeline-database", "#outcome"}) {
            Node n = fx(() -> diagram.lookup(id));
            Bounds b = fx(() -> n.localToScene(n.getLayoutBounds()));
            assertThat(b.getMinY()).as(id + " at the top").isBetween(space.getMinY(), space.getMinY() + 200);
        }
        Node interpret = fx(() -> diagram.lookup("#step-interpret"));
        Bounds last = fx(() -> interpret.localToScene(interpret.getBoundsInLocal()));
        assertThat(last.getMinY()).as("the rows scrolled to the last stage").isLessThan(space.getMaxY());
        Node client = fx(() -> diagram.lookup("#lifeline-client"));
        assertThat(fx(() -> client.localToScene(client.getLayoutBounds()).getMaxY())).as("the header is above the stage being shown")
                .isLessThan(last.getMinY() + 30);
    }

    @Test
    void zoomedInOnAHeldExchangeTheStageAndTheHeldMarkerAreInViewUnderTheHeader() {
        fx(() -> diagram.setZoom(1.2));
        show(6, 0);
        Bounds space = fx(() -> diagram.localToScene(diagram.getLayoutBounds()));
        Node header = fx(() -> diagram.lookup("#lifeline-client"));
        double headerBottom = fx(() -> header.localToScene(header.getLayoutBounds()).getMaxY());
        for (String id : new String[] {"#held-marker", "#figures-send"}) {
            Node n = fx(() -> diagram.lookup(id));
            Bounds b = fx(() -> n.localToScene(n.getLayoutBounds()));
            assertThat(b.getMinY()).as(id + " below the header").isGreaterThanOrEqualTo(headerBottom);
            assertThat(b.getMaxY()).as(id + " above the bottom edge").isLessThanOrEqualTo(space.getMaxY());
        }
    }

    /**
     * A 1024x768 projector in German leaves the diagram little height under its header (the banner
     * wraps): the process stage a lesson points at glows, and its glow is no reason to centre on the
     * token: the stage's name and title are below the header, while it runs and once the exchange is whole.
     */
    @Test
    void theStageShownOrPointedAtHasItsNameAndTitleBelowTheHeader() {
        fx(() -> {
            dev.roundtrip.ui.util.Language.use(java.util.Locale.GERMAN);
            diagram.getScene().getRoot().getStylesheets().add(dev.roundtrip.ui.lessons.LessonPanelView.class.getResource("LessonPanelView.css").toExternalForm());
            diagram.setMaxSize(656, 250);
            diagram.setFocus(java.util.Set.of(), java.util.Set.of(Stage.PROCESS));
        });
        try {
            // the process stage being animated; the whole exchange; the animation ended on the last stage: the process stage pointed at
            for (int step : new int[] {2, 10, -2}) {
                fx(() -> diagram.setPosition(-1, 0));
                show(1, Math.abs(step));
                if (step == 2) fx(() -> diagram.setPosition(2, 0.3));
                if (step < 0) fx(() -> diagram.setPosition(diagram.script().steps().size() - 1, 1));
                fx(() -> diagram.layout());
                Node band = fx(() -> diagram.lookup(".header-band"));
                double headerBottom = fx(() -> band.localToScene(band.getBoundsInLocal()).getMaxY());
                Bounds space = fx(() -> diagram.localToScene(diagram.getLayoutBounds()));
                Node process = fx(() -> diagram.lookup("#step-process"));
                java.util.List<Node> named = fx(() -> java.util.List.of(process.lookup(".stage-name"), process.lookup(".step-title")));
                for (Node words : named) {
                    Bounds b = fx(() -> words.localToScene(words.getBoundsInLocal()));
                    String what = fx(() -> ((javafx.scene.text.Text) words).getText());
                    assertThat(b.getMinY()).as("'%s' (y %.0f..%.0f) below the header (..%.0f), step %d", what, b.getMinY(), b.getMaxY(), headerBottom, step)
                            .isGreaterThanOrEqualTo(headerBottom);
                    assertThat(b.getMaxY()).as("'%s' above the diagram's bottom edge (%.0f), step %d", what, space.getMaxY(), step).isLessThanOrEqualTo(space.getMaxY());
                }
            }
        } finally {
            fx(() -> dev.roundtrip.ui.util.Language.use(java.util.Locale.ENGLISH));
        }
    }

    @Test
    void theWheelScrollsTheRowsUnderTheHeaderAndShiftWheelScrollsAcross(org.testfx.api.FxRobot robot) {
        fx(() -> diagram.setZoom(1.5));
        show(1, 10); // the whole exchange, nothing animating: shown from the Client at the left
        Node send = fx(() -> diagram.lookup("#figures-send"));
        Node client = fx(() -> diagram.lookup("#lifeline-client"));
        double sendY = fx(() -> send.localToScene(send.getLayoutBounds()).getMinY());
        double clientX = fx(() -> client.localToScene(client.getLayoutBounds()).getMinX());
        double headerY = fx(() -> client.localToScene(client.getLayoutBounds()).getMinY());
        robot.moveTo(diagram).scroll(3, javafx.geometry.VerticalDirection.UP);
        // the wheel asks for a layout; a loaded machine may not have run the pulse that does it yet
        fx(() -> diagram.layout());
        assertThat(fx(() -> send.localToScene(send.getLayoutBounds()).getMinY())).as("the rows moved").isNotEqualTo(sendY);
        assertThat(fx(() -> client.localToScene(client.getLayoutBounds()).getMinY())).as("the header stayed").isEqualTo(headerY);
        // Shift + wheel (what a mouse without a sideways wheel sends)
        fx(() -> javafx.event.Event.fireEvent(diagram, new javafx.scene.input.ScrollEvent(javafx.scene.input.ScrollEvent.SCROLL,
                100, 100, 100, 100, true, false, false, false, false, false, 0, -120, 0, -120,
                javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0, javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
        fx(() -> diagram.layout());
        assertThat(fx(() -> client.localToScene(client.getLayoutBounds()).getMinX())).as("the lifelines moved across").isLessThan(clientX);
    }

    @Test
    void theHeldBadgeAndTheProblemBadgesLieInsideTheDiagramsWidth() {
        for (long id : new long[] {6, 3, 4}) {
            show(id, 10);
            for (Node badge : fx(() -> diagram.lookupAll(".held-badge, .problem-badge"))) {
                Bounds b = fx(() -> badge.localToScene(badge.getLayoutBounds()));
                Node content = fx(() -> diagram.lookup("#diagram-header").getParent().getChildrenUnmodifiable().get(0));
                Bounds inDiagram = fx(() -> content.sceneToLocal(b));
                assertThat(inDiagram.getMaxX()).as("#%d %s", id, badge.getId()).isLessThanOrEqualTo(SequenceDiagram.WIDTH);
                assertThat(fx(() -> LayoutCheck.shownText((javafx.scene.control.Labeled) badge).replace("\n", " ")))
                        .as("#%d %s has its words", id, badge.getId()).isEqualTo(fx(() -> ((javafx.scene.control.Labeled) badge).getText()));
            }
        }
    }

    @Test
    void aLongProblemBadgeWrapsInsideItsOwnRowNotOverTheNext() {
        for (long id : new long[] {4, 5}) { // "write failed: Connection reset by peer; 43 bytes …" wraps
            show(id, 10);
            for (Node badge : fx(() -> diagram.lookupAll(".problem-badge"))) {
                Node band = fx(() -> diagram.lookup("#" + badge.getId().replace("problem-", "step-")).lookup(".row-band"));
                Bounds b = fx(() -> badge.localToScene(badge.getLayoutBounds()));
                Bounds own = fx(() -> band.localToScene(band.getLayoutBounds()));
                assertThat(b.getMaxY()).as("#%d %s's bottom within its row (%.0f..%.0f)", id, badge.getId(), own.getMinY(), own.getMaxY())
                        .isLessThanOrEqualTo(own.getMaxY());
            }
        }
    }

    @Test
    void aWrappedLifelineNameBreaksAfterItsHyphenNotInsideAWord() throws Exception {
        fx(() -> dev.roundtrip.ui.util.Language.use(java.util.Locale.GERMAN));
        try {
            DiagramScript captured = DiagramScript.of(Captures.through("/hello", 200)); // six heads: every name wraps
            fx(() -> {
                diagram.setScript(captured);
                diagram.setPosition(captured.steps().size(), 1);
            });
            java.util.List<String> names = fx(() -> diagram.lookupAll(".lifeline-name").stream()
                    .map(n -> ((javafx.scene.control.Labeled) n).getText()).toList());
            assertThat(names).anyMatch(n -> n.contains("-")); // Client-Kernel, Server-Kernel
            assertThat(names).allMatch(n -> n.replace("-\n", "").indexOf('-') < 0);
        } finally {
            fx(() -> dev.roundtrip.ui.util.Language.use(java.util.Locale.ENGLISH));
        }
    }

    @Test
    void aCapturedExchangeDrawsItsSixLifelinesReadablyAtTheEnginesScale() throws Exception {
        show(1, 4);
        double engine = fx(() -> diagram.scaleFactor());
        DiagramScript captured = DiagramScript.of(Captures.through("/hello", 200));
        // the scale is chosen on a layout pass: without one here, the engine's scale would still be read back
        fx(() -> {
            diagram.setScript(captured);
            diagram.setPosition(captured.steps().size(), 1);
            LayoutCheck.settle(diagram.getScene().getRoot());
        });

        assertThat(fx(() -> diagram.scaleFactor())).isEqualTo(engine);
        assertThat(fx(() -> LayoutCheck.smallestFont(diagram))).isGreaterThanOrEqualTo(LayoutCheck.MIN_DIAGRAM_FONT);
        assertThat(fx(() -> LayoutCheck.problems(diagram.getScene()))).isEmpty();
        double left = -1;
        for (String id : new String[] {"foreign-client", "server-kernel", "server", "client", "client-kernel", "foreign-server"}) {
            javafx.scene.control.Labeled name = (javafx.scene.control.Labeled) fx(() -> diagram.lookup("#lifeline-" + id));
            assertThat(name).as(id).isNotNull();
            assertThat(fx(() -> LayoutCheck.shownText(name).replace("\n", " "))).as(id + " shown whole").isEqualTo(fx(() -> name.getText()));
            double x = fx(() -> name.localToScene(name.getLayoutBounds()).getMinX());
            assertThat(x).as(id + " right of the one before").isGreaterThan(left);
            left = x;
        }
        assertThat(fx(() -> diagram.lookup("#lifeline-database"))).as("no database behind a foreign server").isNull();
        assertThat(fx(() -> ((javafx.scene.control.Labeled) diagram.lookup("#lifeline-server")).getText())).isEqualTo("Roundtrip server side");
        for (Stage stage : new Stage[] {Stage.PARSE, Stage.SEND, Stage.PROCESS, Stage.INTERPRET, Stage.RESPOND}) {
            assertThat(fx(() -> diagram.lookup("#step-" + stage.wireName()))).as(stage.wireName()).isNotNull();
        }
    }

    /**
     * A 1024x768 projector beside the lesson panel leaves the diagram 656 pixels: its lifelines move
     * closer and the whole exchange fits the width at 14 px text, one scale from the held first stage
     * to the end; the SQL statement is shown whole on lines; no figures run over an activation bar.
     */
    @Test
    void in656PixelsTheWholeExchangeFitsTheWidthReadablyWithItsWholeStatement() {
        // the diagram's space, not the window's: the stage is shared with the test classes after this one
        fx(() -> diagram.setMaxWidth(656));
        show(6, 0);
        double held = fx(() -> diagram.scaleFactor());
        show(1, 10);
        assertThat(fx(() -> diagram.scaleFactor())).as("one scale").isEqualTo(held);
        assertThat(fx(() -> diagram.drawnWidth())).isLessThan(SequenceDiagram.WIDTH);
        assertThat(fx(() -> LayoutCheck.smallestFont(diagram))).isGreaterThanOrEqualTo(LayoutCheck.MIN_DIAGRAM_FONT);
        Bounds space = fx(() -> diagram.localToScene(diagram.getLayoutBounds()));
        for (String id : new String[] {"client", "database"}) {
            Node head = fx(() -> diagram.lookup("#lifeline-" + id));
            Bounds b = fx(() -> head.localToScene(head.getLayoutBounds()));
            assertThat(b.getMinX()).as(id + "'s head is in view").isGreaterThanOrEqualTo(space.getMinX());
            assertThat(b.getMaxX()).as(id + "'s head is in view").isLessThanOrEqualTo(space.getMaxX());
        }
        javafx.scene.text.Text sql = (javafx.scene.text.Text) fx(() -> diagram.lookup(".sql-text"));
        assertThat(fx(sql::getText)).contains("\n").doesNotContain("…");
        assertThat(fx(() -> sql.getText().replace('\n', ' '))).isEqualTo("SELECT id, name, age FROM users WHERE id = ?");
        Bounds words = fx(() -> sql.localToScene(sql.getLayoutBounds()));
        assertThat(words.getMaxX()).as("the statement's lines end in view").isLessThanOrEqualTo(space.getMaxX());
        for (String stage : new String[] {"parse", "interpret", "respond"}) {
            Node figures = fx(() -> diagram.lookup("#figures-" + stage));
            Bounds f = fx(() -> figures.localToScene(figures.getLayoutBounds()));
            for (Node bar : fx(() -> diagram.lookup("#step-" + stage).lookupAll(".activation"))) {
                assertThat(f.intersects(fx(() -> bar.localToScene(bar.getLayoutBounds())))).as(stage + "'s figures cross its activation bar").isFalse();
            }
        }
    }

    /** 1024x768 with the request panel open: six heads in 656 pixels, their names whole in every language (heads grow for a third line). */
    @Test
    void in656PixelsACapturedExchangesSixNamesAreWholeInEveryLanguage() throws Exception {
        double width = fx(() -> diagram.getMaxWidth());
        fx(() -> diagram.setMaxWidth(656));
        try {
            for (java.util.Locale language : new java.util.Locale[] {java.util.Locale.ENGLISH, java.util.Locale.GERMAN, java.util.Locale.FRENCH, new java.util.Locale("es")}) {
                fx(() -> dev.roundtrip.ui.util.Language.use(language));
                DiagramScript captured = DiagramScript.of(Captures.through("/hello", 200));
                fx(() -> {
                    diagram.setScript(captured);
                    diagram.setPosition(captured.steps().size(), 1);
                    LayoutCheck.settle(diagram.getScene().getRoot());
                });
                assertThat(fx(() -> LayoutCheck.smallestFont(diagram))).as(language + ": readable").isGreaterThanOrEqualTo(LayoutCheck.MIN_DIAGRAM_FONT);
                double rowsBegin = fx(() -> diagram.firstRow()); // in diagram units, as the heads' bounds in their band
                for (Node n : fx(() -> diagram.lookupAll(".lifeline-name"))) {
                    javafx.scene.control.Labeled name = (javafx.scene.control.Labeled) n;
                    assertThat(fx(() -> LayoutCheck.shownText(name).replace("\n", " "))).as(language + " " + name.getId() + " shown whole")
                            .isEqualTo(fx(() -> name.getText().replace("\n", " ")));
                    double room = fx(() -> name.getWidth() - name.getInsets().getLeft() - name.getInsets().getRight());
                    for (String word : name.getText().split("\\s+")) { // a word wider than its line is broken inside ("Roundtri" / "p,")
                        javafx.scene.text.Text t = new javafx.scene.text.Text(word);
                        double wide = fx(() -> {
                            t.setFont(name.getFont());
                            return t.getLayoutBounds().getWidth();
                        });
                        assertThat(wide).as(language + " " + name.getId() + ": '" + word + "' on one line").isLessThanOrEqualTo(room);
                    }
                    assertThat(fx(() -> name.getBoundsInParent().getMaxY())).as(language + " " + name.getId() + " above the rows")
                            .isLessThan(rowsBegin);
                }
            }
        } finally {
            fx(() -> dev.roundtrip.ui.util.Language.use(java.util.Locale.ENGLISH));
            fx(() -> diagram.setMaxWidth(width));
        }
    }

    @Test
    void theWidthDrawnInFollowsTheSpaceOnlyFromNarrowToFull() {
        assertThat(SequenceDiagram.widthFor(2000, SequenceDiagram.Fit.TYPICAL_EXCHANGE)).isEqualTo(SequenceDiagram.WIDTH);
        assertThat(SequenceDiagram.widthFor(SequenceDiagram.WIDTH * SequenceDiagram.MIN_SCALE, SequenceDiagram.Fit.TYPICAL_EXCHANGE)).isEqualTo(SequenceDiagram.WIDTH);
        assertThat(SequenceDiagram.widthFor(672, SequenceDiagram.Fit.TYPICAL_EXCHANGE)).isEqualTo(760);
        assertThat(SequenceDiagram.widthFor(300, SequenceDiagram.Fit.WIDTH)).isEqualTo(SequenceDiagram.NARROW_WIDTH);
        assertThat(SequenceDiagram.widthFor(300, SequenceDiagram.Fit.THIS_EXCHANGE)).as("a picture is drawn at full width").isEqualTo(SequenceDiagram.WIDTH);
    }
}
