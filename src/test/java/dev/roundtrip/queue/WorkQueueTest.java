package dev.roundtrip.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.TraceClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WorkQueueTest {
    private static WorkQueue run(QueueSetup setup) throws InterruptedException {
        WorkQueue q = WorkQueue.start(setup, new TraceClock());
        assertThat(q.await(Duration.ofSeconds(20))).as("queue run finished").isTrue();
        return q;
    }

    @Test
    void everyJobGoesThroughProduceWaitWorkInOrderAndIsDoneOnce() throws Exception {
        try (WorkQueue q = run(new QueueSetup(8, 2, 3, Duration.ofMillis(5), Duration.ofMillis(1)))) {
            List<JobEvent> events = q.trace().events();
            Map<Long, List<JobEvent>> byJob = events.stream().collect(Collectors.groupingBy(JobEvent::jobId));
            assertThat(byJob).hasSize(8);
            for (List<JobEvent> job : byJob.values()) {
                assertThat(job).extracting(e -> e.stage() + " " + e.phase()).containsExactly(
                        "PRODUCE BEGIN", "PRODUCE END", "WAIT BEGIN", "WAIT END", "WORK BEGIN", "WORK END");
                assertThat(job.get(0).lane()).isEqualTo(JobEvent.PRODUCER);
                assertThat(job.get(2).lane()).isEqualTo(JobEvent.QUEUE);
                // the consumer that took the job is the one that works on it
                assertThat(job.get(4).lane()).isEqualTo(job.get(3).lane()).startsWith("consumer-");
                assertThat(job.get(5).lane()).isEqualTo(job.get(4).lane());
                for (int i = 1; i < job.size(); i++) assertThat(job.get(i).tNanos()).isGreaterThanOrEqualTo(job.get(i - 1).tNanos());
            }
            QueueSummary s = q.summary();
            assertThat(s.jobsDone()).isEqualTo(8);
            assertThat(s.maxDepth()).isBetween(1, 3);
        }
    }

    @Test
    void aFullQueuePushesBackOnTheProducer() throws Exception {
        // one slow consumer, a queue of one, a producer with no pause: the producer must wait for room
        try (WorkQueue q = run(new QueueSetup(5, 1, 1, Duration.ofMillis(30), Duration.ZERO))) {
            QueueSummary s = q.summary();
            assertThat(s.jobsDone()).isEqualTo(5);
            assertThat(s.maxDepth()).isEqualTo(1);
            assertThat(s.producerBlockedNanos()).isPositive();
            assertThat(s.consumersUsed()).isEqualTo(1);
        }
    }

    @Test
    void busyConsumersShareTheWork() throws Exception {
        try (WorkQueue q = run(new QueueSetup(6, 2, 6, Duration.ofMillis(40), Duration.ZERO))) {
            QueueSummary s = q.summary();
            assertThat(s.jobsDone()).isEqualTo(6);
            assertThat(s.consumersUsed()).isEqualTo(2);
            assertThat(q.trace().events()).filteredOn(e -> e.stage() == JobStage.WORK && e.phase() == Phase.END)
                    .extracting(JobEvent::thread).containsOnly("queue-consumer-1", "queue-consumer-2");
        }
    }

    @Test
    void summaryIsComputedFromTheEvents() {
        List<JobEvent> events = List.of(
                new JobEvent(1, JobStage.PRODUCE, Phase.BEGIN, "producer", 100, "p", 0),
                new JobEvent(1, JobStage.PRODUCE, Phase.END, "producer", 150, "p", 1),
                new JobEvent(1, JobStage.WAIT, Phase.BEGIN, "queue", 150, "p", 1),
                new JobEvent(1, JobStage.WAIT, Phase.END, "consumer-1", 400, "c", 0),
                new JobEvent(1, JobStage.WORK, Phase.BEGIN, "consumer-1", 400, "c", 0),
                new JobEvent(1, JobStage.WORK, Phase.END, "consumer-1", 900, "c", 0));
        assertThat(QueueSummary.of(events)).isEqualTo(new QueueSummary(1, 1, 1, 250, 50, 800));
    }
}
