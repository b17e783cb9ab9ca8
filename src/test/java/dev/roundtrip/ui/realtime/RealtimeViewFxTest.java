package dev.roundtrip.ui.realtime;

import static dev.roundtrip.ui.FxWait.fx;
import static dev.roundtrip.ui.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.lab.RealtimeComparison.Way;
import dev.roundtrip.ui.LiveWindow;
import dev.roundtrip.ui.MonocleScreen;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** View > Compare real-time updates on a real lab at 1024x768: opened from the menu, run, four ways drawn and readable. */
@ExtendWith(ApplicationExtension.class)
class RealtimeViewFxTest {
    private LiveWindow window;

    @Start
    void start(javafx.stage.Stage stage) {
        window = LiveWindow.onScreen(stage, 1024, 768, v -> {});
    }

    @AfterEach
    void stop() {
        window.close(() -> { if (window.view.realtimeView() != null) window.view.realtimeView().stage().hide(); }, () -> {});
        fx(MonocleScreen::reset);
    }

    @Test
    void openedFromTheViewMenuItRunsTwoUpdatesAndDrawsFourWaysPerMetricInsideTheWindow(FxRobot robot) {
        robot.clickOn("View");
        robot.clickOn("Compare real-time updates…");
        waitUntil("the comparison window shows", () -> window.view.realtimeView() != null && window.view.realtimeView().stage().isShowing());
        RealtimeView view = window.view.realtimeView();
        javafx.stage.Stage stage = view.stage();
        assertThat(fx(() -> stage.getWidth())).isLessThanOrEqualTo(1024);
        assertThat(fx(() -> stage.getHeight())).isLessThanOrEqualTo(768);
        Node spinner = robot.lookup("#realtimeUpdates").query();
        robot.doubleClickOn(spinner.lookup(".text-field")).eraseText(3).write("2");
        robot.clickOn("#realtimeRun");
        waitUntil("the four ways are drawn", () -> view.root().lookup("#realtimeBoard") != null);
        // The board is added in one FX task; its fonts and cut texts come from CSS and layout, which a slow machine has not run yet.
        fx(() -> {
            view.root().applyCss();
            view.root().layout();
        });
        assertThat(fx(() -> robot.lookup("#realtimeError").queryAs(Label.class).isVisible())).isFalse();
        assertThat(fx(() -> robot.lookup("#realtimeStatus").queryAs(Label.class).getText())).isEqualTo("Done: the same 2 updates delivered four ways.");
        assertThat(fx(() -> view.root().lookupAll(".realtime-figure"))).hasSize(16);
        double width = fx(() -> view.root().getScene().getWidth());
        for (String metric : new String[] {"requests", "bytes", "median_delay", "max_delay"}) {
            assertThat(fx(() -> ((Label) view.root().lookup("#realtime-" + metric)).getText())).isNotBlank();
            for (Way w : Way.values()) {
                Label figure = (Label) fx(() -> view.root().lookup("#realtime-" + metric + "-" + w.wireName()));
                assertThat(fx(figure::getText)).as(metric + " " + w).matches(".*[0-9].*");
                assertThat(shown(figure)).as("not cut").isEqualTo(fx(figure::getText));
                assertThat(fx(() -> figure.getFont().getSize())).as(metric + " " + w).isGreaterThanOrEqualTo(14);
                Bounds b = fx(() -> figure.localToScene(figure.getBoundsInLocal()));
                assertThat(b.getMinX()).as(metric + " " + w).isGreaterThanOrEqualTo(0);
                assertThat(b.getMaxX()).as(metric + " " + w).isLessThanOrEqualTo(width);
            }
        }
        String sse = fx(() -> ((Label) view.root().lookup("#realtime-requests-sse")).getText());
        String websocket = fx(() -> ((Label) view.root().lookup("#realtime-requests-websocket")).getText());
        assertThat(sse).isEqualTo("1 request");
        assertThat(websocket).isEqualTo("1 request");
        for (Node l : fx(() -> view.root().lookupAll(".label"))) {
            if (l instanceof Labeled && fx(l::isVisible)) assertThat(shown((Labeled) l)).isEqualTo(fx(((Labeled) l)::getText));
        }
    }

    /** What a label really draws (its text, or "…" cut), read from its Text node. */
    private static String shown(Labeled l) {
        return fx(() -> {
            Node t = l.lookup(".text");
            return t instanceof Text ? ((Text) t).getText() : l.getText();
        });
    }
}
