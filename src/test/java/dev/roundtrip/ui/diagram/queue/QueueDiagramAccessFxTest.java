package dev.roundtrip.ui.diagram.queue;

import static dev.roundtrip.ui.FxWait.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.queue.QueueSetup;
import dev.roundtrip.queue.WorkQueue;
import dev.roundtrip.trace.TraceClock;
import java.time.Duration;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** What a screen reader reads back from lesson 12's queue diagram after a real queue run. */
@ExtendWith(ApplicationExtension.class)
class QueueDiagramAccessFxTest {
    private QueueDiagram diagram;

    @Start
    void start(javafx.stage.Stage stage) {
        diagram = new QueueDiagram();
        stage.setScene(new Scene(new StackPane(diagram), 900, 600));
        stage.show();
    }

    private static Object read(Node n, AccessibleAttribute a) {
        return fx(() -> n.queryAccessibleAttribute(a));
    }

    @Test
    void theRunEachJobItsArrowsAndBarsAndTheLifelinesHaveARoleAndAName() throws Exception {
        assertThat(read(diagram, AccessibleAttribute.TEXT)).isEqualTo("Queue diagram: no queue run yet.");
        QueueSetup setup = new QueueSetup(4, 2, 2, Duration.ofMillis(5), Duration.ofMillis(1));
        try (WorkQueue q = WorkQueue.start(setup, new TraceClock())) {
            assertThat(q.await(Duration.ofSeconds(30))).isTrue();
            fx(() -> diagram.setQueue(q));
        }
        assertThat(read(diagram, AccessibleAttribute.ROLE)).isEqualTo(AccessibleRole.TEXT);
        assertThat((String) read(diagram, AccessibleAttribute.TEXT)).startsWith("Queue diagram: 4 jobs, 2 consumers, room for 2. 4 done, ");
        for (int n = 1; n <= 4; n++) {
            int id = n;
            Node job = fx(() -> diagram.lookup("#job-" + id));
            assertThat(job).as("job %d", id).isNotNull();
            assertThat(read(job, AccessibleAttribute.ROLE)).isEqualTo(AccessibleRole.TEXT);
            assertThat((String) read(job, AccessibleAttribute.TEXT)).matches("Job " + id + ": put in at .+, waited .+ in the queue, taken by consumer [12], worked .+\\.");
            Node put = fx(() -> job.lookup(".queue-put").getParent());
            assertThat(read(put, AccessibleAttribute.TEXT)).isEqualTo("Put arrow from the Producer into the Queue: job " + id);
            Node take = fx(() -> job.lookup(".queue-take").getParent());
            assertThat((String) read(take, AccessibleAttribute.TEXT)).matches("Take arrow from the Queue to Consumer [12]: job " + id);
            assertThat((String) read(fx(() -> job.lookup("#wait-" + id)), AccessibleAttribute.TEXT)).matches("Job " + id + " waits .+ in the queue");
            assertThat((String) read(fx(() -> job.lookup(".queue-work")), AccessibleAttribute.TEXT)).matches("Consumer [12] works on job " + id + ": .+");
        }
        assertThat(fx(() -> diagram.lookupAll(".lifeline-name").stream().map(n -> (String) n.queryAccessibleAttribute(AccessibleAttribute.TEXT)).toList()))
                .containsExactly("Lifeline: Producer", "Lifeline: Queue", "Lifeline: Consumer 1", "Lifeline: Consumer 2");
        // the words drawn inside are said by the element they belong to
        Node label = fx(() -> diagram.lookup(".queue-job-label"));
        assertThat(read(label, AccessibleAttribute.ROLE)).isEqualTo(AccessibleRole.NODE);
    }
}
