package dev.roundtrip.ui.inspector;

import static dev.roundtrip.ui.FxWait.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.record.Recording;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.ui.Fixtures;
import dev.roundtrip.ui.diagram.DiagramScript;
import dev.roundtrip.ui.export.Theme;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ScrollPane.ScrollBarPolicy;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Bytes tab picks its row length from its column's width: a vertical scroll bar coming and going at
 * the same width (the new length made the dump taller, then shorter) does not flip it between two lengths.
 */
@ExtendWith(ApplicationExtension.class)
class BytesPaneRowLengthFxTest {
    private final Recording rec = Fixtures.classroom();
    private final InspectorViewModel vm = new InspectorViewModel();
    private BytesPane pane;

    @Start
    void start(javafx.stage.Stage s) {
        pane = new BytesPane(vm);
        StackPane root = new StackPane(pane);
        root.setStyle("-fx-font-size: 15px"); // the main window's
        root.getStylesheets().addAll(Theme.STYLESHEET, InspectorView.class.getResource("InspectorView.css").toExternalForm());
        s.setScene(new Scene(root, 1100, 400));
        s.show();
        Exchange x = rec.exchange(1).orElseThrow();
        vm.show(x, DiagramScript.of(x), 4, Long.MAX_VALUE);
    }

    /** The bytes on the request dump's first row (one character each in its text column). */
    private int perLine() {
        return fx(() -> vm.requestHex().get(0).text().stream().mapToInt(r -> r.text().codePointCount(0, r.text().length())).sum());
    }

    private int afterLayout(ScrollPane scroll, ScrollBarPolicy bar) {
        fx(() -> {
            scroll.setVbarPolicy(bar);
            for (int i = 0; i < 4; i++) { // as many pulses as a new length and the bar it brings take
                pane.getScene().getRoot().applyCss();
                pane.getScene().getRoot().layout();
            }
        });
        return perLine();
    }

    @Test
    void aScrollBarThatComesAndGoesAtOneWidthKeepsTheRowLength() {
        ScrollPane scroll = fx(() -> {
            Node n = pane.lookup("#request-hex");
            while (!(n instanceof ScrollPane)) n = n.getParent();
            return (ScrollPane) n;
        });
        // a pane width where the bar's width decides between two lengths: narrowing it step by step finds one
        int without = 0, with = 0;
        double width = 0;
        for (double w = 900; w >= 500 && with == without; w -= 3) {
            double ww = w;
            fx(() -> pane.setMaxWidth(ww));
            without = afterLayout(scroll, ScrollBarPolicy.NEVER);
            with = afterLayout(scroll, ScrollBarPolicy.ALWAYS);
            width = w;
        }
        assertThat(with).as("the row length with the bar shown, in a %.0f-pixel pane", width).isLessThan(without);
        assertThat(afterLayout(scroll, ScrollBarPolicy.NEVER)).as("the row length once the bar has gone again").isEqualTo(with);
        assertThat(afterLayout(scroll, ScrollBarPolicy.ALWAYS)).isEqualTo(with);
        // a new width is a new choice: all that fits it
        fx(() -> pane.setMaxWidth(pane.getMaxWidth() + 200));
        assertThat(afterLayout(scroll, ScrollBarPolicy.NEVER)).as("the row length in a wider pane").isGreaterThan(with);
    }

    /**
     * The response's highlighted bytes are bold, and its control characters arrows: at every width the
     * widest line of either dump fits its own viewport (a lesson panel beside the diagram narrows the columns).
     */
    @Test
    void neitherDumpScrollsSidewaysAtAnyWidth() {
        for (double w = 1000; w >= 640; w -= 7) { // down to a 1024-pixel projector's inspector beside the lesson panel
            double ww = w;
            fx(() -> pane.setMaxWidth(ww));
            for (String id : new String[] {"#request-hex", "#response-hex"}) {
                double[] widestAndViewport = fx(() -> {
                    for (int i = 0; i < 6; i++) {
                        pane.getScene().getRoot().applyCss();
                        pane.getScene().getRoot().layout();
                    }
                    javafx.scene.Parent lines = (javafx.scene.Parent) pane.lookup(id);
                    Node n = lines;
                    while (!(n instanceof ScrollPane)) n = n.getParent();
                    return new double[] {lines.getChildrenUnmodifiable().stream().mapToDouble(l -> l.prefWidth(-1)).max().orElse(0),
                            ((ScrollPane) n).getViewportBounds().getWidth()};
                });
                assertThat(widestAndViewport[0]).as("%s's widest line in a %.0f-pixel viewport, pane %.0f px", id, widestAndViewport[1], w)
                        .isLessThanOrEqualTo(widestAndViewport[1]);
            }
        }
    }
}
