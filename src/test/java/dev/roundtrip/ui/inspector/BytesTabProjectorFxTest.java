package dev.roundtrip.ui.inspector;

import static dev.roundtrip.ui.FxWait.fx;
import static dev.roundtrip.ui.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.trace.Outcome;
import dev.roundtrip.ui.LayoutCheck;
import dev.roundtrip.ui.LiveWindow;
import dev.roundtrip.ui.WindowOnScreen;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Bytes tab on a projector's screen: request and response dumps fit the pane's width, no sideways scrolling, text >= 14 px. */
@ExtendWith(ApplicationExtension.class)
class BytesTabProjectorFxTest {
    @RegisterExtension
    final WindowOnScreen display = new WindowOnScreen();
    private Stage stage;
    private LiveWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1024, 768", "1280, 720"})
    void bothDumpsFitTheirColumnsWithoutScrollingSideways(int width, int height) {
        window = display.show(stage, width, height);
        fx(() -> {
            window.vm.composer().targetProperty().set("/users/1");
            window.vm.send();
        });
        waitUntil("the exchange settled", () -> !window.vm.recording().exchanges().isEmpty()
                && window.vm.recording().exchanges().stream().allMatch(x -> x.outcome() != Outcome.PENDING)
                && window.vm.exchanges().size() == window.vm.recording().exchanges().size());
        window.showWholeExchangeAtItsEnd();
        fx(() -> window.view.inspector().show(InspectorTab.BYTES));
        waitUntil("the Bytes tab is on screen", () -> stage.getScene().lookup("#request-hex") != null
                && stage.getScene().lookup("#request-hex").getScene() != null);
        for (String id : new String[] {"#request-hex", "#response-hex"}) {
            // the dump re-flows to the width it was given on a later pulse, with new lines that have no CSS until the next
            // pass: wait until it has its lines, then lay it out until the lines it chose are styled, and read it all then
            waitUntil(id + " laid out", () -> {
                window.view.renderNow(System.nanoTime());
                LayoutCheck.settle(window.view.root());
                Parent lines = (Parent) stage.getScene().lookup(id);
                return lines.getChildrenUnmodifiable().size() > 2 && lines.getLayoutBounds().getWidth() > 0;
            });
            double[] shown = fx(() -> {
                LayoutCheck.settle(window.view.root());
                Parent lines = (Parent) stage.getScene().lookup(id);
                ScrollPane scroll = scrollOf(lines);
                boolean sideways = scroll.lookupAll(".scroll-bar").stream()
                        .anyMatch(b -> ((ScrollBar) b).getOrientation() == Orientation.HORIZONTAL && b.isVisible());
                return new double[] {lines.getChildrenUnmodifiable().stream().mapToDouble(l -> l.prefWidth(-1)).max().orElse(0),
                        scroll.getViewportBounds().getWidth(), sideways ? 1 : 0,
                        lines.lookupAll(".hex").stream().mapToDouble(t -> ((Text) t).getFont().getSize()).min().orElse(0)};
            });
            assertThat(shown[0]).as("%s's widest line, px, in a %.0f-pixel viewport at %dx%d", id, shown[1], width, height).isLessThanOrEqualTo(shown[1]);
            assertThat(shown[2]).as("%s scrolls sideways at %dx%d", id, width, height).isZero();
            assertThat(shown[3]).as("the dump's font, px").isGreaterThanOrEqualTo(14);
        }
    }

    private static ScrollPane scrollOf(Node lines) {
        Node n = lines;
        while (!(n instanceof ScrollPane)) n = n.getParent();
        return (ScrollPane) n;
    }
}
