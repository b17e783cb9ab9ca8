package dev.roundtrip.ui.diagram.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.queue.QueueSetup;
import dev.roundtrip.queue.WorkQueue;
import dev.roundtrip.trace.TraceClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The queue diagram's script from a real queue run (threads, a bounded queue). */
class QueueDiagramScriptTest {
    @Test
    void everyJobIsPutWaitedTakenAndWorkedAndWaitsSideBySideShowTheDepth() throws Exception {
        QueueSetup setup = new QueueSetup(8, 1, 3, Duration.ofMillis(20), Duration.ofMillis(2));
        try (WorkQueue q = WorkQueue.start(setup, new TraceClock())) {
            assertThat(q.await(Duration.ofSeconds(30))).isTrue();
            QueueDiagramScript s = QueueDiagramScript.of(setup, q.trace().events());
            assertThat(s.jobs()).hasSize(8);
            for (QueueDiagramScript.Job j : s.jobs()) {
                assertThat(j.done()).isTrue();
                assertThat(j.consumer()).isEqualTo(1);
                assertThat(j.produceBegin()).isLessThanOrEqualTo(j.produceEnd());
                assertThat(j.produceEnd()).isLessThanOrEqualTo(j.waitEnd());
                assertThat(j.waitEnd()).isLessThanOrEqualTo(j.workBegin());
                assertThat(j.workBegin()).isLessThanOrEqualTo(j.workEnd());
            }
            // jobs waiting at the same time never share a slot, and there are as many slots as the deepest moment
            for (QueueDiagramScript.Job a : s.jobs()) {
                for (QueueDiagramScript.Job b : s.jobs()) {
                    boolean overlap = a != b && a.produceEnd() < b.waitEnd() && b.produceEnd() < a.waitEnd();
                    if (overlap) assertThat(a.slot()).as("jobs %d and %d", a.id(), b.id()).isNotEqualTo(b.slot());
                }
            }
            assertThat(s.slots()).isEqualTo(s.summary().maxDepth());
            assertThat(s.summary().jobsDone()).isEqualTo(8);
        }
    }
}
