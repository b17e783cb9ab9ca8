package dev.roundtrip.ui.diagram.queue;

import static dev.roundtrip.ui.FxWait.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.queue.QueueSetup;
import dev.roundtrip.queue.WorkQueue;
import dev.roundtrip.trace.TraceClock;
import java.time.Duration;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Lesson 12's lifeline heads on a projector: each icon big enough to read, inside its head, its name not cut. */
@ExtendWith(ApplicationExtension.class)
class QueueHeadIconFxTest {
    private QueueDiagram diagram;

    @Start
    void start(javafx.stage.Stage stage) {
        diagram = new QueueDiagram();
        stage.setScene(new Scene(new StackPane(diagram), 1280, 720));
        stage.show();
    }

    @Test
    void everyHeadIconIsAtLeast28PxInsideItsHeadWithItsNameUncut() throws Exception {
        QueueSetup setup = new QueueSetup(4, 2, 2, Duration.ofMillis(5), Duration.ofMillis(1));
        try (WorkQueue q = WorkQueue.start(setup, new TraceClock())) {
            assertThat(q.await(Duration.ofSeconds(30))).isTrue();
            fx(() -> diagram.setQueue(q));
        }
        List<Label> heads = fx(() -> {
            diagram.applyCss();
            diagram.layout();
            return diagram.lookupAll(".lifeline-name").stream().map(n -> (Label) n).toList();
        });
        assertThat(heads).hasSize(4);
        for (Label head : heads) {
            FontIcon icon = (FontIcon) head.getGraphic();
            assertThat(fx(icon::getIconSize)).as(head.getText()).isGreaterThanOrEqualTo(28);
            Bounds iconBox = fx(() -> head.sceneToLocal(icon.localToScene(icon.getBoundsInLocal())));
            Bounds headBox = fx(head::getLayoutBounds);
            assertThat(headBox.contains(iconBox)).as("%s icon %s inside head %s", head.getText(), iconBox, headBox).isTrue();
            assertThat(fx(() -> head.getFont().getSize())).as(head.getText()).isGreaterThanOrEqualTo(14);
            assertThat(fx(() -> dev.roundtrip.ui.LayoutCheck.shownText(head))).isEqualTo(head.getText());
        }
    }
}
